package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import org.junit.jupiter.api.Test;

class InheritedFdTest {

  @Test
  void refusesJdkPipesBecauseTheJdkClosesThemWhenCriuExits() {
    assertThatThrownBy(() -> new InheritedFd("pipe:[1]", Redirect.PIPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a file or FIFO");
  }

  @Test
  void atMostOneInputAndTwoOutputs() {
    InheritedFd in1 = new InheritedFd("pipe:[1]", Redirect.from(new File("/dev/null")));
    InheritedFd in2 = new InheritedFd("pipe:[2]", Redirect.from(new File("/dev/null")));
    InheritedFd out = new InheritedFd("pipe:[3]", Redirect.DISCARD);

    assertThatThrownBy(() -> RestoreOptions.defaults().withInheritedFds(List.of(in1, in2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most one resource with an input and two with outputs");
    assertThatThrownBy(() -> RestoreOptions.defaults().withInheritedFds(List.of(out, out, out)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RestoreOptions.defaults().withInheritedFds(List.of(in1, out, out)).inheritedFds()).hasSize(3);
  }

  @Test
  void keysFromProcLinks() {
    assertThat(InheritFdKeys.fromLink("pipe:[4711]")).isEqualTo("pipe:[4711]");
    assertThat(InheritFdKeys.fromLink("socket:[42]")).isEqualTo("socket:[42]");
    assertThat(InheritFdKeys.fromLink("/var/log/app.log")).isEqualTo("var/log/app.log");
    assertThatThrownBy(() -> InheritFdKeys.fromLink("/dev/pts/0")).hasMessageContaining("terminal");
    assertThatThrownBy(() -> InheritFdKeys.fromLink("anon_inode:[eventfd]"))
        .hasMessageContaining("cannot inherit");
  }
}
