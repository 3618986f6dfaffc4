package dev.lifecycle.examples.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ExitHooksFailedException;
import dev.lifecycle.runtime.HookFailedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.Timeline;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** An exit hook throws, and the other exit hooks still release the connection and the files. */
class UploadServiceTest {

  @Test
  void aCleanStopRunsEveryExitHookWithoutComplaint() throws Exception {
    Container<UploadService> container = Container.start(UploadService.class);
    container.call("stage", "a.txt", "alpha");
    assertThat(container.call("commit")).asInstanceOf(LIST).containsExactly("a.txt");
    Connection connection = container.instance().connection();
    Path spool = container.instance().spool();

    container.close(); // does not throw

    assertThat(container.phase()).isEqualTo(Phase.STOPPED);
    assertThat(connection.isClosed()).isTrue();
    assertThat(spool).doesNotExist();
  }

  @Test
  void whenOneExitHookThrowsTheOthersStillRun() throws Exception {
    Timeline timeline = new Timeline();
    Container<UploadService> container =
        Container.builder(UploadService.class).listener(timeline).start();
    container.call("stage", "a.txt", "alpha");
    container.call("stage", "b.txt", "beta"); // never committed
    Connection connection = container.instance().connection();
    Path spool = container.instance().spool();

    ExitHooksFailedException failure =
        catchThrowableOfType(ExitHooksFailedException.class, container::close);

    assertThat(failure.failedHook().methodName()).isEqualTo("reportUncommitted");
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
        .hasMessage("2 staged uploads were never committed: [a.txt, b.txt]");
    // Yet the connection is closed and the files are gone: the later hooks ran.
    assertThat(connection.isClosed()).isTrue();
    assertThat(spool).doesNotExist();
    assertThat(timeline.hooks()).filteredOn(run -> run.hook().phase().annotation().equals("@Exit"))
        .extracting(run -> run.hook().methodName())
        .containsExactly("reportUncommitted", "closeConnection", "deleteSpool");
    assertThat(container.phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void whenSeveralExitHooksThrowTheFirstFailureCarriesTheOthers() throws Exception {
    Container<UploadService> container = Container.start(UploadService.class);
    container.call("stage", "a.txt", "alpha"); // never committed: the first hook throws
    Path spool = container.instance().spool();
    Files.delete(spool.resolve("a.txt")); // someone removes the spool: the last hook throws
    Files.delete(spool);
    Connection connection = container.instance().connection();

    ExitHooksFailedException failure =
        catchThrowableOfType(ExitHooksFailedException.class, container::close);

    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(failure.getSuppressed()).singleElement()
        .isInstanceOfSatisfying(HookFailedException.class, later -> {
          assertThat(later.hook().methodName()).isEqualTo("deleteSpool");
          assertThat(later.getCause()).isInstanceOf(NoSuchFileException.class);
        });
    assertThat(connection.isClosed()).isTrue(); // the hook between them ran all the same
  }
}
