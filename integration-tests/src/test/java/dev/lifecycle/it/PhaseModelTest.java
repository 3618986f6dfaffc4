package dev.lifecycle.it;

import static dev.lifecycle.runtime.Phase.CREATED;
import static dev.lifecycle.runtime.Phase.ENTERING_AFTER_SNAPSHOT;
import static dev.lifecycle.runtime.Phase.ENTERING_BEFORE_SNAPSHOT;
import static dev.lifecycle.runtime.Phase.EXITING;
import static dev.lifecycle.runtime.Phase.RUNNING;
import static dev.lifecycle.runtime.Phase.SNAPSHOT;
import static dev.lifecycle.runtime.Phase.STOPPED;
import static dev.lifecycle.runtime.Phase.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.Journal;
import dev.lifecycle.it.services.OrderedService;
import dev.lifecycle.it.services.PlainService;
import dev.lifecycle.it.services.SnapshotService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerListener;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.StopTrigger;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import dev.lifecycle.runtime.spi.HookDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3: the phase model, the snapshot step behind a checkpoint engine, observable phases. */
class PhaseModelTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void aSnapshotServiceGoesThroughEveryPhaseInOrder() {
    Timeline timeline = new Timeline();
    Container<SnapshotService> container =
        Container.builder(SnapshotService.class).listener(timeline).start();
    assertThat(container.phase()).isEqualTo(RUNNING);
    container.close();

    assertThat(timeline.phases())
        .containsExactly(CREATED, ENTERING_BEFORE_SNAPSHOT, SNAPSHOT, ENTERING_AFTER_SNAPSHOT,
            RUNNING, STOPPING, EXITING, STOPPED);
    assertThat(container.phase()).isEqualTo(STOPPED);
  }

  @Test
  void aServiceWithoutMemorySnapshotNeverReachesTheSnapshotStep() {
    RecordingEngine engine = new RecordingEngine(SnapshotOutcome.skipped("test"));
    Timeline timeline = new Timeline();
    try (Container<PlainService> container =
        Container.builder(PlainService.class).checkpointEngine(engine).listener(timeline).start()) {
      assertThat(container.snapshotOutcome()).isEmpty();
    }
    assertThat(engine.calls).isEmpty();
    assertThat(timeline.phases())
        .doesNotContain(ENTERING_BEFORE_SNAPSHOT, SNAPSHOT)
        .containsExactly(CREATED, ENTERING_AFTER_SNAPSHOT, RUNNING, STOPPING, EXITING, STOPPED);
  }

  @Test
  void theCheckpointEngineRunsAfterTheSnapHooksAndBeforeTheOtherEnterHooks() {
    RecordingEngine engine = new RecordingEngine(SnapshotOutcome.restored("test restore"));
    try (Container<OrderedService> container =
        Container.builder(OrderedService.class).checkpointEngine(engine).start()) {
      assertThat(engine.journalAtCheckpoint).containsExactly("base.snap", "sub.snap");
      assertThat(engine.calls).hasSize(1);
      assertThat(engine.calls.get(0).instance()).isSameAs(container.instance());
      assertThat(container.snapshotOutcome()).contains(SnapshotOutcome.restored("test restore"));
    }
  }

  @Test
  void withTheNoSnapshotEngineTheSnapshotStepIsSkippedAndSaysWhy() {
    try (Container<SnapshotService> container = Container.start(SnapshotService.class)) {
      assertThat(container.snapshotOutcome()).hasValueSatisfying(outcome -> {
        assertThat(outcome.kind()).isEqualTo(SnapshotOutcome.Kind.SKIPPED);
        assertThat(outcome.detail()).contains("no checkpoint engine");
      });
    }
  }

  @Test
  void aFailingCheckpointEngineFallsBackToAColdStart() {
    CheckpointEngine broken = new CheckpointEngine() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public SnapshotOutcome checkpoint(SnapshotPoint point) throws Exception {
        throw new java.io.IOException("criu: not found");
      }
    };
    try (Container<SnapshotService> container =
        Container.builder(SnapshotService.class).checkpointEngine(broken).start()) {
      assertThat(container.phase()).isEqualTo(RUNNING);
      assertThat(container.instance().events).containsExactly("snap.load", "enter.id");
      assertThat(container.snapshotOutcome()).hasValueSatisfying(outcome -> {
        assertThat(outcome.kind()).isEqualTo(SnapshotOutcome.Kind.FAILED);
        assertThat(outcome.detail()).contains("broken", "criu: not found");
      });
    }
  }

  @Test
  void phaseEventsCarryTimestampsThatNeverGoBackwards() {
    List<PhaseEvent> events = new CopyOnWriteArrayList<>();
    Container.builder(SnapshotService.class).listener(ContainerListener.onPhase(events::add)).start().close();

    assertThat(events).hasSize(8);
    assertThat(events.get(0).previous()).isNull();
    for (int i = 1; i < events.size(); i++) {
      PhaseEvent before = events.get(i - 1);
      PhaseEvent after = events.get(i);
      assertThat(after.previous()).isEqualTo(before.phase());
      assertThat(after.nanoTime()).isGreaterThanOrEqualTo(before.nanoTime());
      assertThat(after.at()).isAfterOrEqualTo(before.at());
      assertThat(after.containerId()).isEqualTo(before.containerId()).startsWith("SnapshotService#");
      assertThat(after.serviceName()).isEqualTo(SnapshotService.class.getName());
    }
    assertThat(events.get(5).detail()).isEqualTo(StopTrigger.CLOSE.description());
  }

  @Test
  void listenersHearEveryHookThroughTheHookObserver() {
    List<String> heard = new CopyOnWriteArrayList<>();
    ContainerListener listener = new ContainerListener() {
      @Override
      public void hookStarted(HookDescriptor hook) {
        heard.add("started " + hook.methodName());
      }

      @Override
      public void hookFinished(HookDescriptor hook, Duration duration, Throwable failure) {
        assertThat(duration.isNegative()).isFalse();
        heard.add("finished " + hook.methodName());
      }
    };
    Container.builder(SnapshotService.class).listener(listener).start().close();

    assertThat(heard).containsExactly(
        "started loadModel", "finished loadModel", "started assignId", "finished assignId",
        "started unload", "finished unload");
  }

  @Test
  void aListenerThatThrowsDoesNotChangeWhatTheContainerDoes() {
    ContainerListener rude = new ContainerListener() {
      @Override
      public void phaseChanged(PhaseEvent event) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void hookStarted(HookDescriptor hook) {
        throw new IllegalStateException("listener bug");
      }
    };
    Container.builder(OrderedService.class).listener(rude).start().close();

    assertThat(Journal.entries()).hasSize(9);
  }

  @Test
  void theTimelineRendersEveryPhaseAndHookWithItsDuration() {
    Timeline timeline = new Timeline();
    try (Container<SnapshotService> container =
        Container.builder(SnapshotService.class).listener(timeline).start()) {
      container.call("predict", "x");
    }
    String rendered = timeline.render();

    for (Phase phase : List.of(CREATED, ENTERING_BEFORE_SNAPSHOT, SNAPSHOT, ENTERING_AFTER_SNAPSHOT,
        RUNNING, STOPPING, EXITING, STOPPED)) {
      assertThat(rendered).contains(phase.name());
    }
    assertThat(rendered)
        .contains("@Enter(snap = true) SnapshotService.loadModel()")
        .contains("@Exit SnapshotService.unload()")
        .contains(" ms");
    // Phase and hook rows share their columns: every duration ends where the others do.
    // The offset column is 8 wide; the next " ms" ends the duration column, the same on every row.
    assertThat(rendered.lines()
            .filter(line -> line.indexOf(" ms", 9) > 0)
            .map(line -> line.indexOf(" ms", 9))
            .distinct())
        .hasSize(1);
    assertThat(timeline.hooks()).hasSize(3);
    assertThat(timeline.timeIn(RUNNING)).isPositive();
  }

  /** Records what the container looked like when the snapshot step came. */
  private static final class RecordingEngine implements CheckpointEngine {
    final List<SnapshotPoint> calls = new CopyOnWriteArrayList<>();
    final SnapshotOutcome outcome;
    List<String> journalAtCheckpoint;

    RecordingEngine(SnapshotOutcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public SnapshotOutcome checkpoint(SnapshotPoint point) {
      calls.add(point);
      journalAtCheckpoint = Journal.entries();
      return outcome;
    }
  }
}
