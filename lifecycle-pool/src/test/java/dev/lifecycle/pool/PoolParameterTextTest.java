package dev.lifecycle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.launch.WorkerLauncher;
import dev.lifecycle.pool.internal.store.SnapshotKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One set of parameters is one snapshot key and one worker command line, however its values were
 * written, when the supervisor can load the service (and so knows the parameters' types); without
 * the class, the text as given. No worker starts here: this is what {@code build()} opens a pool
 * with.
 */
class PoolParameterTextTest {

  @TempDir Path tmp;

  @Test
  void valuesWrittenDifferentlyMakeOneKeyAndOneCommandLine() throws Exception {
    PoolConfig plain = ContainerPool.builder(ThreadedService.class)
        .parameter("threads", "2").parameter("temperature", "0.5").parameter("size", "SMALL")
        .config();
    PoolConfig signed = ContainerPool.builder(ThreadedService.class)
        .parameter("threads", "+2").parameter("temperature", "0.50")
        .parameter("size", ThreadedService.Size.SMALL).config();
    PoolConfig padded = ContainerPool.builder(ThreadedService.class)
        .parameters(Map.of("threads", "02", "temperature", "5e-1", "size", "SMALL")).config();
    PoolConfig boxed = ContainerPool.builder(ThreadedService.class)
        .parameter("threads", 2).parameter("temperature", 0.5d).parameter("size", "SMALL").config();

    Map<String, String> canonical = Map.of("threads", "2", "temperature", "0.5", "size", "SMALL");
    for (PoolConfig config : List.of(plain, signed, padded, boxed)) {
      assertThat(config.parameters()).isEqualTo(canonical);
      assertThat(key(config)).isEqualTo(key(plain));
      assertThat(commandLine(config)).containsExactly(
          "--parameter=size=SMALL", "--parameter=temperature=0.5", "--parameter=threads=2");
    }
    PoolConfig three = ContainerPool.builder(ThreadedService.class)
        .parameter("threads", "3").parameter("size", "SMALL").config();
    assertThat(key(three)).isNotEqualTo(key(plain));
  }

  @Test
  void aValueTheTypeDoesNotTakeIsRefusedBeforeAnyKeyIsMade() {
    assertThatThrownBy(() -> ContainerPool.builder(ThreadedService.class)
        .parameter("size", "SMALL").parameter("threads", " 2").config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'threads' of service dev.lifecycle.pool.ThreadedService is of type"
            + " int and does not take \" 2\": give a whole number from -2147483648 to 2147483647.");
    assertThatThrownBy(() -> ContainerPool.builder(ThreadedService.class)
        .parameter("size", "SMALL").parameter("temperature", "1e999").config())
        .hasMessageContaining("does not take \"1e999\": give a decimal number such as 0.5");
    assertThatThrownBy(() -> ContainerPool.builder(ThreadedService.class)
        .parameter("size", "SMALL").parameter("label", "\0").config())
        .hasMessageStartingWith("Parameter 'label' holds a NUL character");
  }

  @Test
  void withoutTheServiceClassTheTextIsKeptAsGiven() throws Exception {
    Files.createDirectories(tmp.resolve("classes"));
    PoolConfig unknown = ContainerPool.builder("com.example.Elsewhere", List.of(tmp.resolve("classes")))
        .parameter("threads", "+2").parameter("label", " a ").config();
    assertThat(unknown.parameters()).isEqualTo(Map.of("threads", "+2", "label", " a "));
    assertThat(commandLine(unknown)).containsExactly("--parameter=label= a ", "--parameter=threads=+2");
  }

  private static SnapshotKey key(PoolConfig config) throws Exception {
    return SnapshotKey.forThisJvm(config.serviceClassName(), List.of(), List.of(), "test-engine",
        config.parameters());
  }

  private static List<String> commandLine(PoolConfig config) {
    return new WorkerLauncher(config, true).arguments(Path.of("/"), "-", true)
        .parameterArguments();
  }
}
