package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.worker.GarbageAtSnapService.Heap;
import dev.lifecycle.it.worker.GarbageAtSnapService.Room;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker shrinks its heap at the snapshot point, with no heap flag from the user: the image of
 * a service whose snap hook keeps 64 MiB and left 400 MiB of garbage holds its live heap, not
 * the garbage; a clone still starts with the heap a cold JVM has committed, so that its first
 * calls allocate without a collection; and afterwards the original and a clone grow their heaps
 * again as the JVM would, with the JVM's free ratios back. Real CRIU; the JVM's default collector
 * and initial heap (1/64 of this machine's memory, over 300 MiB here).
 */
@ExtendWith(NoStrayWorkers.class)
class HeapShapeTest {

  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aClonesFirstCallFindsTheRoomToAllocateOfAColdJvm() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = pool(1)) {
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED);
    }
    try (ContainerPool pool = pool(1)) {
      Room clone = pool.call(Room.class, "allocate", 8);

      assertThat(clone.restored()).isTrue();
      assertThat(clone.committedBytes()).as("the clone's committed heap at its first call")
          .isGreaterThanOrEqualTo(clone.initialBytes());
      // With the heap left at its live objects plus 10 %, G1's young generation would hold some
      // 4 MiB, and the clone's first call would collect.
      assertThat(clone.collections()).as("collections while the clone allocated 8 MiB").isZero();
    }
  }

  @Test
  void theImageHoldsTheLiveHeapAndContainersGrowTheirHeapsAgain() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = pool(2)) {
      SnapshotStatus snapshot = pool.snapshotStatus();
      assertThat(snapshot.state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      // A trivial JVM's image is some 40 to 60 MiB, the live heap 64 MiB. With the JVM's own free
      // ratios the heap would keep three times its live objects, pages the garbage had touched.
      assertThat(snapshot.imageSize()).as("image bytes").isLessThan(64 * MIB + 90 * MIB);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);

      // Two calls at once, each held a while: one in each container.
      List<CompletableFuture<Heap>> calls = List.of(
          CompletableFuture.supplyAsync(() -> pool.call(Heap.class, "grow", 150, 1_500L)),
          CompletableFuture.supplyAsync(() -> pool.call(Heap.class, "grow", 150, 1_500L)));
      List<Heap> heaps = calls.stream().map(CompletableFuture::join).toList();
      assertThat(heaps).extracting(Heap::restored).containsExactlyInAnyOrder(false, true);
      for (Heap heap : heaps) {
        assertThat(heap.committedBytes()).as("committed heap").isGreaterThan(150 * MIB);
        assertThat(heap.minHeapFreeRatio()).isEqualTo("40");
        assertThat(heap.maxHeapFreeRatio()).isEqualTo("70");
      }
    }
  }

  /**
   * A pool of {@code containers} containers of the service, on the JVM's default collector and
   * initial heap (no heap flag but a maximum).
   */
  private ContainerPool pool(int containers) throws IOException {
    List<String> jvmOptions = List.of("-Xmx1g", "-Xss512k", "-XX:TieredStopAtLevel=1",
        Workers.MARKER, "-D" + WorkerFiles.DIRECTORY + "=" + dir);
    return Workers.pool(GarbageAtSnapService.class, dir).jvmOptions(jvmOptions)
        .minContainers(containers).maxContainers(containers).build();
  }
}
