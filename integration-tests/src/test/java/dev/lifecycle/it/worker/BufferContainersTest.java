package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.PoolState;
import dev.lifecycle.pool.ScalingDecision;
import dev.lifecycle.pool.StartKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm buffers: a pool keeps idle containers, restored from the snapshot, above those serving;
 * a burst is served by them without waiting for a restore, the buffer is refilled behind it, and
 * the surplus is scaled down after the window. Every decision is in the pool's state.
 */
@ExtendWith(NoStrayWorkers.class)
class BufferContainersTest {

  @TempDir Path dir;

  @Test
  void aBurstAboveTheMinimumIsServedByBufferContainersAndTheBufferIsRefilled() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir)
        .minContainers(0).bufferContainers(2).maxContainers(4)
        .scaledownWindow(Duration.ofSeconds(2)).build()) {
      // build() returns with the buffer serving: the checkpointed original and a restore.
      PoolState ready = pool.state();
      assertThat(ready.idle()).isEqualTo(2);
      assertThat(ready.busy()).isZero();
      Set<String> beforeBurst = ids(pool.containers());
      assertThat(beforeBurst).hasSize(2);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);

      // A burst of two calls, held for a while: both land in the buffer, none waits for a start.
      List<CompletableFuture<AbcdService.Identity>> burst = List.of(
          CompletableFuture.supplyAsync(() -> pool.call(AbcdService.Identity.class, "identity", 1500L)),
          CompletableFuture.supplyAsync(() -> pool.call(AbcdService.Identity.class, "identity", 1500L)));
      Set<String> servedBy = burst.stream().map(CompletableFuture::join)
          .map(AbcdService.Identity::containerId).collect(Collectors.toSet());
      assertThat(servedBy).isEqualTo(beforeBurst);

      // Behind the burst, the pool restored two more to keep two idle above the two busy.
      Workers.awaitTrue(() -> pool.state().recentDecisions().stream()
              .filter(d -> d.action() == ScalingDecision.Action.STARTED).count() == 4,
          () -> "the buffer to be refilled: " + pool.state());
      List<ScalingDecision> decisions = pool.state().recentDecisions();
      assertThat(decisions).filteredOn(d -> d.action() == ScalingDecision.Action.STARTED)
          .allSatisfy(d -> assertThat(d.reason()).isEqualTo(ScalingDecision.Reason.BUFFER))
          .hasSize(4);
      assertThat(decisions).noneMatch(d -> d.reason() == ScalingDecision.Reason.CALLER);
      assertThat(pool.containers()).filteredOn(c -> !beforeBurst.contains(c.containerId()))
          .extracting(ContainerInfo::startKind).containsExactly(StartKind.RESTORED, StartKind.RESTORED);

      // Idle again: the two above the buffer stop after the window, the buffer stays.
      Workers.awaitTrue(() -> pool.state().idle() == 2 && pool.state().starting() == 0
              && pool.containers().stream().filter(c -> c.state() == ContainerInfo.State.ENDED).count() == 2,
          () -> "the surplus to be scaled down: " + pool.state() + " " + pool.containers());
      assertThat(pool.state().recentDecisions())
          .filteredOn(d -> d.action() == ScalingDecision.Action.STOPPED)
          .hasSize(2)
          .allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(ScalingDecision.Reason.IDLE);
            assertThat(d.detail()).contains("idle for longer than the scale-down window of 2 s");
          });
      assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(1);
    }
  }

  @Test
  void closingWhileTheBufferIsRefilledLeavesNoWorkerBehind() throws Exception {
    ContainerPool closed;
    try (ContainerPool pool = Workers.pool(SlowStartService.class, dir).memorySnapshots(false)
        .minContainers(0).bufferContainers(1).maxContainers(2).build()) {
      closed = pool;
      assertThat(pool.call("ping")).isEqualTo("pong"); // takes the buffer: a refill starts
      Workers.awaitTrue(() -> pool.state().starting() == 1, () -> "a refill: " + pool.state());
    } // closed while that start is under way
    assertThat(closed.containers()).hasSize(2)
        .allSatisfy(c -> assertThat(c.state()).isEqualTo(ContainerInfo.State.ENDED));
    // And the stray-process check after each test finds no worker JVM of this test running.
  }

  @Test
  void aBufferLargerThanTheMaximumIsRefusedBeforeAnythingStarts() throws Exception {
    assertThatThrownBy(() -> Workers.pool(TypesService.class, dir)
        .maxContainers(2).bufferContainers(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bufferContainers (3) must not exceed maxContainers (2)");
  }

  private static Set<String> ids(List<ContainerInfo> containers) {
    return containers.stream().map(ContainerInfo::containerId).collect(Collectors.toSet());
  }
}
