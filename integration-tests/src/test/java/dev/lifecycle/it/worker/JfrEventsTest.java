package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.CalculatorService;
import dev.lifecycle.it.services.SnapshotService;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle's Flight Recorder events, recorded as {@code JFR.start} would and read back from the
 * file: a container's start, its checkpoint and its inputs in one JVM; a pool's starts of a
 * checkpointed and a restored container, and its scaling, with real CRIU.
 */
@ExtendWith(NoStrayWorkers.class)
class JfrEventsTest {

  private static final List<String> EVENTS = List.of("dev.lifecycle.ContainerStart",
      "dev.lifecycle.Checkpoint", "dev.lifecycle.Input", "dev.lifecycle.Scaling");

  @TempDir Path dir;

  @Test
  void aContainerInThisJvmRecordsItsStartCheckpointAndInputs() throws Exception {
    CheckpointEngine restoring = new CheckpointEngine() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public SnapshotOutcome checkpoint(SnapshotPoint point) {
        return SnapshotOutcome.restored("as if restored");
      }
    };
    List<RecordedEvent> events = recorded(() -> {
      try (Container<CalculatorService> calculator = Container.start(CalculatorService.class);
          Container<SnapshotService> snapshot =
              Container.builder(SnapshotService.class).checkpointEngine(restoring).start()) {
        calculator.call("divide", 6, 2);
      }
    });

    assertThat(events).anySatisfy(event -> {
      assertThat(event.getEventType().getName()).isEqualTo("dev.lifecycle.ContainerStart");
      assertThat(event.getString("service")).isEqualTo(CalculatorService.class.getName());
      assertThat(event.getString("kind")).isEqualTo("cold");
      assertThat(event.getString("where")).isEqualTo("in-jvm");
    });
    assertThat(events).anySatisfy(event -> {
      assertThat(event.getEventType().getName()).isEqualTo("dev.lifecycle.ContainerStart");
      assertThat(event.getString("service")).isEqualTo(SnapshotService.class.getName());
      assertThat(event.getString("kind")).isEqualTo("restored");
    });
    assertThat(events).anySatisfy(event -> {
      assertThat(event.getEventType().getName()).isEqualTo("dev.lifecycle.Checkpoint");
      assertThat(event.getString("engine")).isEqualTo("test");
      assertThat(event.getString("outcome")).isEqualTo("restored");
    });
    assertThat(events).anySatisfy(event -> {
      assertThat(event.getEventType().getName()).isEqualTo("dev.lifecycle.Input");
      assertThat(event.getString("input")).isEqualTo("@Method divide");
      assertThat(event.getString("outcome")).isEqualTo("returned");
    });
  }

  @Test
  void aPoolRecordsItsCheckpointedAndRestoredStartsAndItsScaling() throws Exception {
    Workers.requireCriu();
    List<RecordedEvent> events = recorded(() -> {
      try (ContainerPool first = Workers.pool(AbcdService.class, dir).minContainers(1).build()) {
        first.call("order");
      }
      try (ContainerPool second = Workers.pool(AbcdService.class, dir).minContainers(1).build()) {
        second.call("order");
      }
    });

    List<String> kinds = events.stream()
        .filter(event -> event.getEventType().getName().equals("dev.lifecycle.ContainerStart"))
        .filter(event -> "pool".equals(event.getString("where")))
        .map(event -> event.getString("kind"))
        .toList();
    assertThat(kinds).contains("checkpointed", "restored");
    assertThat(events).anySatisfy(event -> {
      assertThat(event.getEventType().getName()).isEqualTo("dev.lifecycle.Scaling");
      assertThat(event.getString("service")).isEqualTo(AbcdService.class.getName());
    });
  }

  @Test
  void aJvmWithoutTheFlightRecorderRunsContainersAllTheSame() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process process = new ProcessBuilder(java, "--limit-modules",
        "java.base,java.logging,java.management", "-cp", System.getProperty("java.class.path"),
        NoFlightRecorderMain.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("quotient 3").doesNotContain("NoClassDefFoundError");
    assertThat(process.exitValue()).isZero();
  }

  private interface Work {
    void run() throws Exception;
  }

  /** The Lifecycle events of what {@code work} did, recorded to a file and read back. */
  private List<RecordedEvent> recorded(Work work) throws Exception {
    Path file = dir.resolve("lifecycle.jfr");
    try (Recording recording = new Recording()) {
      EVENTS.forEach(name -> recording.enable(name).withoutThreshold());
      recording.start();
      work.run();
      recording.stop();
      recording.dump(file);
    }
    return RecordingFile.readAllEvents(file).stream()
        .filter(event -> event.getEventType().getName().startsWith("dev.lifecycle."))
        .toList();
  }
}
