package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.worker.SizedModelService.Seen;
import dev.lifecycle.it.worker.SizedModelService.Size;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.engine.SimulatedSnapshotEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: two pools of one service with two sets of parameters, with real criu. Each set has a
 * snapshot of its own, built by a snap hook that saw that set; each pool's clones are restores of
 * its own image; a third pool with the first set restores the first image.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolParametersTest {

  @TempDir static Path dir;
  private static ContainerPool small;
  private static ContainerPool large;

  @BeforeAll
  static void startPools() throws Exception {
    Workers.requireCriu();
    small = Workers.pool(SizedModelService.class, dir).minContainers(2).maxContainers(2)
        .parameter("size", Size.SMALL).parameter("layers", 2)
        .build();
    large = Workers.pool(SizedModelService.class, dir).minContainers(2).maxContainers(2)
        .parameter("size", "LARGE").parameter("layers", "12")
        .build();
  }

  @AfterAll
  static void closePools() {
    try {
      if (small != null) {
        small.close();
      }
      if (large != null) {
        large.close();
      }
      Workers.assertNoStrayWorkers();
    } finally {
      Workers.killStrayWorkers();
    }
  }

  @Test
  @Order(1)
  void eachSetOfParametersHasASnapshotOfItsOwnBuiltWithIt() {
    assertThat(WorkerFiles.lines(dir, "snaps")).containsExactlyInAnyOrder("SMALLx2", "LARGEx12");
    for (ContainerPool pool : List.of(small, large)) {
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED, StartKind.RESTORED);
    }
    Path smallImage = small.snapshotStatus().image().orElseThrow();
    Path largeImage = large.snapshotStatus().image().orElseThrow();
    assertThat(smallImage).isNotEqualTo(largeImage);
    assertThat(smallImage.resolve("manifest.properties")).content()
        .contains("key.parameters.0.name=layers", "key.parameters.0.value=2",
            "key.parameters.1.name=size", "key.parameters.1.value=SMALL");
    assertThat(largeImage.resolve("manifest.properties")).content()
        .contains("key.parameters.0.value=12", "key.parameters.1.value=LARGE");
  }

  @Test
  @Order(2)
  void everyContainerOfAPoolSeesItsOwnSetInTheSnapHookAndAfter() {
    assertThat(bothContainers(small)).allSatisfy(seen -> {
      assertThat(seen.builtAtSnapshot()).isEqualTo("SMALLx2");
      assertThat(seen.parameters()).isEqualTo("SMALLx2");
    }).extracting(Seen::restored).containsExactlyInAnyOrder(false, true);
    assertThat(bothContainers(large)).allSatisfy(seen -> {
      assertThat(seen.builtAtSnapshot()).isEqualTo("LARGEx12");
      assertThat(seen.parameters()).isEqualTo("LARGEx12");
    }).extracting(Seen::restored).containsExactlyInAnyOrder(false, true);
  }

  @Test
  @Order(3)
  void aThirdPoolWithTheFirstSetRestoresTheFirstImage() throws Exception {
    // The same set given otherwise (a map, the number as text with a leading zero, another order)
    // is the same key: the builder keys with the canonical text, 2.
    try (ContainerPool again = Workers.pool(SizedModelService.class, dir).minContainers(1)
        .parameters(Map.of("layers", "02", "size", "SMALL")).build()) {
      assertThat(again.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.RESTORED);
      assertThat(again.snapshotStatus().image()).isEqualTo(small.snapshotStatus().image());
      Seen seen = again.call(Seen.class, "seen", 0L);
      assertThat(seen.builtAtSnapshot()).isEqualTo("SMALLx2");
      assertThat(seen.restored()).isTrue();
    }
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
    try (Stream<Path> snapshots = Files.list(dir.resolve("snapshots"))) {
      assertThat(snapshots.filter(p -> p.getFileName().toString().startsWith("SizedModelService-")))
          .hasSize(2);
    }
  }

  @Test
  @Order(4)
  void aPoolWithoutARequiredParameterOrWithABadValueStartsNoWorker() {
    int workersBefore = Workers.markedProcesses().size();
    assertThatThrownBy(() -> Workers.pool(SizedModelService.class, dir).minContainers(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs parameter 'size'");
    assertThatThrownBy(() -> Workers.pool(SizedModelService.class, dir).minContainers(1)
        .parameter("size", "MEDIUM").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not take \"MEDIUM\": give one of SMALL, LARGE");
    assertThat(Workers.markedProcesses()).hasSize(workersBefore);
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
  }

  @Test
  @Order(5)
  void aReplayingEngineAndAColdPoolSetTheParametersInEveryWorkerToo() throws Exception {
    Path replayed = dir.resolve("replayed");
    try (ContainerPool pool = Workers.pool(SizedModelService.class, replayed)
        .engine(SimulatedSnapshotEngine.create()).minContainers(2).maxContainers(2)
        .parameter("size", Size.LARGE).parameter("layers", 3).build()) {
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED, StartKind.RESTORED);
      assertThat(bothContainers(pool)).extracting(Seen::builtAtSnapshot).containsOnly("LARGEx3");
    }
    Path cold = dir.resolve("cold");
    try (ContainerPool pool = Workers.pool(SizedModelService.class, cold).memorySnapshots(false)
        .minContainers(2).maxContainers(2).parameter("size", Size.SMALL).build()) {
      assertThat(bothContainers(pool)).extracting(Seen::builtAtSnapshot).containsOnly("SMALLx1");
    }
    assertThat(WorkerFiles.lines(cold, "snaps")).containsExactly("SMALLx1", "SMALLx1");
  }

  /** One call to each of the pool's two containers: each held long enough for the other to start. */
  private static List<Seen> bothContainers(ContainerPool pool) {
    List<CompletableFuture<Seen>> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> pool.call(Seen.class, "seen", 1_500L)));
    }
    List<Seen> seen = calls.stream().map(CompletableFuture::join).toList();
    assertThat(seen).extracting(Seen::containerId).doesNotHaveDuplicates();
    return seen;
  }
}
