package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restored clone links what it runs for the first time after its restore, and linking a lambda
 * there costs about a millisecond apiece, loading a class from its jar a fraction of one: the
 * runtime's own way from a restore to the first result has no lambda and loads none of
 * Lifecycle's classes. Seen through the JVM's own log of the classes it defines ({@code
 * -Xlog:class+load}) in a real clone, whose output goes to a log file of its own from its
 * restore on: a lambda's class, or a method handle's form, would appear there. Real CRIU.
 */
@ExtendWith(NoStrayWorkers.class)
class RestorePathLinkingTest {

  @TempDir Path dir;

  @Test
  void aClonesWayFromItsRestoreToItsFirstResultLinksNoLambdaAndLoadsNoClassOfLifecycle() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = pool()) {
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED);
    }
    try (ContainerPool pool = pool()) {
      ContainerInfo clone = pool.containers().get(0);
      assertThat(clone.startKind()).isEqualTo(StartKind.RESTORED);

      assertThat(pool.call(String.class, "predict", "x")).isEqualTo("weights:x");

      // Read while the clone runs: its stop links what it needs then, which is not measured.
      List<String> defined = new ArrayList<>();
      for (String line : Files.readAllLines(clone.logFile(), StandardCharsets.UTF_8)) {
        if (line.contains(" source: ")) {
          defined.add(line);
        }
      }
      // The log works: the service's answer is a class no one loaded before the first call.
      assertThat(defined).as("classes the clone defined after its restore")
          .anyMatch(line -> line.contains(LinkingService.Answer.class.getName() + " "));
      assertThat(defined).as("lambdas and method handle forms the clone linked on its way to serving")
          .noneMatch(line -> line.contains("$$Lambda") || line.contains("LambdaForm$"));
      assertThat(defined).as("Lifecycle's classes the clone loaded on its way to serving")
          .noneMatch(line -> line.contains("] dev.lifecycle.") && !line.contains("] dev.lifecycle.it."));
    }
  }

  private ContainerPool pool() throws Exception {
    List<String> options = new ArrayList<>(Workers.jvmOptions(dir));
    options.add("-Xlog:class+load=info:stdout");
    return Workers.pool(LinkingService.class, dir).jvmOptions(options)
        .minContainers(1).maxContainers(1).build();
  }
}
