package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neither a restore-time value nor the supervisor's environment is frozen into a snapshot (real
 * CRIU, a supervisor JVM of its own with a secret in its environment): no file of the image holds
 * either, no container's process environment does, and every container, the checkpointed one and
 * each clone, reads the restore-time value through {@code RestoreEnvironment}.
 */
@ExtendWith(NoStrayWorkers.class)
class SecretsOutOfImagesTest {

  @TempDir Path dir;

  @Test
  void restoreTimeValuesAndTheSupervisorsEnvironmentStayOutOfTheImage() throws Exception {
    Workers.requireCriu();
    String supervisorSecret = "supervisor-secret-" + UUID.randomUUID();
    String restoreSecret = "restore-secret-" + UUID.randomUUID();
    Path store = dir.resolve("store");
    try (SupervisorJvm supervisor = SupervisorJvm.start(dir, store, dir.resolve("work"), Map.of(
        "LIFECYCLE_IT_SUPERVISOR_SECRET", supervisorSecret,
        PoolMain.RESTORE_SECRET, restoreSecret))) {
      String ready = supervisor.awaitLineStartingWith("READY ", Workers.GENEROUS);
      String greetings = supervisor.awaitLineStartingWith("GREETINGS ", Workers.GENEROUS);

      assertThat(ready).as(supervisor.output()).contains(":CHECKPOINTED").contains(":RESTORED");
      assertThat(greetings.substring("GREETINGS ".length()).split(" "))
          .containsExactlyInAnyOrder(restoreSecret + ":false", restoreSecret + ":true");
      List<Path> imageFiles = files(store);
      assertThat(imageFiles).anyMatch(f -> f.getFileName().toString().startsWith("pages-"));
      for (Path file : imageFiles) {
        byte[] content = Files.readAllBytes(file);
        assertThat(contains(content, supervisorSecret)).as("%s holds the supervisor's secret", file)
            .isFalse();
        assertThat(contains(content, restoreSecret)).as("%s holds the restore-time secret", file)
            .isFalse();
      }
      for (String container : ready.substring("READY ".length()).split(" ")) {
        long pid = Long.parseLong(container.split(":")[1]);
        String environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
            "environ")), StandardCharsets.UTF_8);
        assertThat(environ).as("environment of %s", container)
            .doesNotContain(supervisorSecret).doesNotContain(restoreSecret);
      }
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
