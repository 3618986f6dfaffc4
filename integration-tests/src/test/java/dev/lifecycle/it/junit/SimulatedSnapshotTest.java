package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.SnapshotService;
import dev.lifecycle.junit.ContainerScope;
import dev.lifecycle.junit.LifecycleExtension;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic form: a container per test, options, and a simulated snapshot boundary. */
class SimulatedSnapshotTest {

  /** What the instance looked like at each snapshot point. */
  private static final List<String> AT_SNAPSHOT = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final LifecycleExtension SERVICE =
      LifecycleExtension.forService(SnapshotService.class)
          .scope(ContainerScope.PER_TEST)
          .configure(container -> container.inputTimeout(Duration.ofSeconds(7)))
          .simulateSnapshot(service -> {
            assertThat(service.model).isEqualTo("weights"); // the snap hook ran
            assertThat(service.containerId).isNull(); // the post-snapshot hook did not, yet
            AT_SNAPSHOT.add(String.join(",", service.events));
          })
          .build();

  @Test
  void theSnapshotBoundaryFallsBetweenTheSnapHooksAndTheOtherEnterHooks(SnapshotService service, Timeline timeline) {
    assertThat(AT_SNAPSHOT).contains("snap.load");
    assertThat(service.events).containsExactly("snap.load", "enter.id");
    assertThat(timeline.phases())
        .containsSubsequence(Phase.ENTERING_BEFORE_SNAPSHOT, Phase.SNAPSHOT, Phase.ENTERING_AFTER_SNAPSHOT, Phase.RUNNING);
  }

  @Test
  void theContainerIsRestoredAndTheBuilderOptionsApply(Container<SnapshotService> container) {
    assertThat(container.snapshotOutcome()).hasValueSatisfying(
        outcome -> assertThat(outcome.kind()).isEqualTo(SnapshotOutcome.Kind.RESTORED));
    assertThat(container.options().inputTimeout()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void everyTestGetsAContainerOfItsOwn(SnapshotService service) {
    assertThat(service.events).containsExactly("snap.load", "enter.id"); // fresh: no calls from other tests
    service.events.add("used");
  }

  @Test
  void everyTestGetsAContainerOfItsOwnToo(SnapshotService service) {
    assertThat(service.events).containsExactly("snap.load", "enter.id");
    service.events.add("used");
  }
}
