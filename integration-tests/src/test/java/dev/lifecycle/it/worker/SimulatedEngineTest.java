package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.worker.AbcdService.Identity;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.engine.CheckpointPolicy;
import dev.lifecycle.pool.engine.SimulatedSnapshotEngine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's snapshot path (planning, the store, every fallback and failure) with the simulated
 * engine: real worker JVMs, a real store, no root and no CRIU. The simulated engine replays the
 * snap hooks in each "restored" JVM, so these tests count checkpoints and restores through the
 * engine, not snap hook runs; that a restore really skips them is {@code SnapshotLifecycleTest}'s,
 * with CRIU.
 */
@ExtendWith(NoStrayWorkers.class)
class SimulatedEngineTest {

  @TempDir Path dir;

  @Test
  void theFirstContainerIsCheckpointedAndEveryOtherIsARestoreOfItsImage() throws Exception {
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create();
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(engine)
        .environment("GREETING", "hello at restore")
        .minContainers(3).maxContainers(3).build()) {
      List<Identity> identities = identities(pool, 3);

      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED, StartKind.RESTORED);
      assertThat(engine.checkpoints()).isEqualTo(1);
      assertThat(engine.restores()).isEqualTo(2);
      assertThat(identities).extracting(Identity::restored).containsExactlyInAnyOrder(false, true, true);
      assertThat(identities).extracting(Identity::greeting).containsOnly("hello at restore");
      assertThat(identities).extracting(Identity::containerId).doesNotHaveDuplicates();
      assertThat(identities).extracting(Identity::order).containsOnly("ABCD");
      // Inside each worker JVM its container goes by the pool's id, a clone by its own.
      assertThat(identities).allSatisfy(identity -> assertThat(identity.inputThread())
          .startsWith("lifecycle-" + identity.containerId() + "-input-"));
      SnapshotStatus status = pool.snapshotStatus();
      assertThat(status.state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(status.image().orElseThrow().resolve("manifest.properties")).exists();
      assertThat(status.imageSize()).isPositive();
    }
  }

  @Test
  void aSecondPoolRestoresTheStoredImageWithoutCheckpointingAgain() throws Exception {
    try (ContainerPool first = Workers.pool(AbcdService.class, dir)
        .engine(SimulatedSnapshotEngine.create()).minContainers(1).build()) {
      assertThat(first.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
    }
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create();
    try (ContainerPool second = Workers.pool(AbcdService.class, dir).engine(engine)
        .minContainers(2).maxContainers(2).build()) {
      identities(second, 2);

      assertThat(second.containers()).extracting(ContainerInfo::startKind)
          .containsOnly(StartKind.RESTORED);
      assertThat(engine.checkpoints()).isZero();
      assertThat(engine.restores()).isEqualTo(2);
    }
  }

  @Test
  void anEngineThatCannotRunHereMeansColdStartsAndOneWarningWithItsReason() throws Exception {
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create()
        .unavailable("the simulated engine is switched off for this test");
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(engine)
            .minContainers(2).maxContainers(2).build()) {
      identities(pool, 2);

      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsOnly(StartKind.COLD);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(pool.snapshotStatus().detail())
          .isEqualTo("the simulated engine is switched off for this test");
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("containers start cold")
          .contains("the simulated engine is switched off for this test");
      assertThat(engine.checkpoints() + engine.restores()).isZero();
    }
  }

  @Test
  void aFailedCheckpointMeansColdStartsWhileTheOriginalServesOn() throws Exception {
    SimulatedSnapshotEngine engine =
        SimulatedSnapshotEngine.create().failingCheckpoints("no room for the image (injected)");
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(engine)
            .minContainers(2).maxContainers(2).build()) {
      List<Identity> identities = identities(pool, 2);

      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsOnly(StartKind.COLD);
      assertThat(identities).extracting(Identity::restored).containsOnly(false);
      assertThat(engine.checkpoints()).isEqualTo(1);
      assertThat(engine.restores()).isZero();
      SnapshotStatus status = pool.snapshotStatus();
      assertThat(status.state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(status.detail())
          .startsWith("simulated could not checkpoint container AbcdService-")
          .contains("no room for the image (injected)");
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("no room for the image (injected)");
      assertThat(storedImages()).as("nothing half-built stays in the store").isEmpty();
    }
  }

  @Test
  void aFailedRestoreDiscardsTheImageAndRebuildsItOnceThenContainersStartCold() throws Exception {
    SimulatedSnapshotEngine engine =
        SimulatedSnapshotEngine.create().failingRestores("the image does not fit this kernel (injected)");
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(engine)
            .minContainers(2).maxContainers(3).build()) {
      // The second container's restore failed: its image was discarded, and it became the
      // original of a rebuilt one.
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsOnly(StartKind.CHECKPOINTED);
      assertThat(engine.checkpoints()).isEqualTo(2);
      assertThat(engine.restores()).isEqualTo(1);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("was discarded and will be rebuilt")
          .contains("the image does not fit this kernel (injected)");

      // A third container: the rebuilt image fails as well, so it starts cold and so will the rest.
      identities(pool, 3);

      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.CHECKPOINTED, StartKind.COLD);
      assertThat(engine.restores()).isEqualTo(2);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(pool.snapshotStatus().detail())
          .contains("failed again after it was rebuilt")
          .contains("the image does not fit this kernel (injected)");
      assertThat(storedImages()).as("the failing image is discarded").isEmpty();
    }
  }

  @Test
  void aCloneThatDiesBeforeItIsReadyCountsAsAFailedRestoreAtOnce() throws Exception {
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create().withClonesThatDie();
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(engine)
            .minContainers(2).maxContainers(3).build()) {
      // The second container's clone died (it is listed, ended): the image was discarded, the
      // start went on as the original of a rebuilt one, and the pool serves.
      assertThat(serving(pool)).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED, StartKind.CHECKPOINTED);
      assertThat(pool.containers()).filteredOn(c -> c.startKind() == StartKind.RESTORED)
          .extracting(ContainerInfo::state).containsExactly(ContainerInfo.State.ENDED);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("was discarded and will be rebuilt")
          .contains("did not become ready");

      // The rebuilt image's clone dies too: from then on, containers start cold.
      identities(pool, 3);

      assertThat(serving(pool)).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.CHECKPOINTED, StartKind.COLD);
      assertThat(engine.restores()).isEqualTo(2);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
    }
  }

  private static List<ContainerInfo> serving(ContainerPool pool) {
    return pool.containers().stream().filter(c -> c.state() == ContainerInfo.State.READY).toList();
  }

  @Test
  void aDamagedImageIsDiscardedAndRebuiltByTheNextPool() throws Exception {
    Path image;
    try (ContainerPool first = Workers.pool(AbcdService.class, dir)
        .engine(SimulatedSnapshotEngine.create()).minContainers(1).build()) {
      image = first.snapshotStatus().image().orElseThrow();
    }
    Path memory = largestFile(image);
    long intact = Files.size(memory);
    try (FileChannel file = FileChannel.open(memory, StandardOpenOption.WRITE)) {
      file.truncate(file.size() / 2);
    }

    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create();
    try (ContainerPool second = Workers.pool(AbcdService.class, dir).engine(engine)
        .minContainers(2).maxContainers(2).build()) {
      identities(second, 2);

      assertThat(second.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);
      assertThat(engine.checkpoints()).isEqualTo(1);
      assertThat(Files.size(largestFile(second.snapshotStatus().image().orElseThrow())))
          .as("the rebuilt image is whole again").isEqualTo(intact);
    }
  }

  @Test
  void anImageAlteredUnderARunningPoolIsNotRestoredButRebuilt() throws Exception {
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create();
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(engine)
        .minContainers(1).maxContainers(2).build()) {
      Path memory = largestFile(pool.snapshotStatus().image().orElseThrow());
      try (FileChannel file = FileChannel.open(memory, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        // Same size, other content: the complement of the byte there (the simulated image is the
        // worker's pid byte over and over, so a fixed value would match it for one pid in 256).
        ByteBuffer b = ByteBuffer.allocate(1);
        file.read(b, 1000);
        b.put(0, (byte) ~b.get(0)).rewind();
        file.write(b, 1000);
      }

      identities(pool, 2); // a second container

      assertThat(engine.restores()).as("nothing restored from the altered image").isZero();
      assertThat(engine.checkpoints()).isEqualTo(2);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsOnly(StartKind.CHECKPOINTED);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
    }
  }

  @Test
  void anotherEngineIdentityMeansAnotherImage() throws Exception {
    try (ContainerPool first = Workers.pool(AbcdService.class, dir)
        .engine(SimulatedSnapshotEngine.create()).minContainers(1).build()) {
      assertThat(first.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
    }
    SimulatedSnapshotEngine upgraded = SimulatedSnapshotEngine.create().withIdentity("simulated 2");
    try (ContainerPool second = Workers.pool(AbcdService.class, dir).engine(upgraded)
        .minContainers(1).build()) {
      assertThat(second.containers()).extracting(ContainerInfo::startKind)
          .containsOnly(StartKind.CHECKPOINTED);
      assertThat(upgraded.checkpoints()).isEqualTo(1);
    }
    assertThat(storedImages()).hasSize(2);
  }

  @Test
  void anUnusableStorePathIsAWarningThatSaysWhy() throws Exception {
    // No directory can be made in /proc, not even by root; the JDK's exception names only the path.
    Path impossible = Path.of("/proc/lifecycle-test-" + ProcessHandle.current().pid(), "snapshots");
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir)
            .engine(SimulatedSnapshotEngine.create())
            .snapshotStore(impossible).minContainers(1).build()) {
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("the snapshot store " + impossible + " cannot be used (")
          .contains(": no such file or directory)");
    }
  }

  @Test
  void theEnginesCheckpointPolicyDecidesWhetherAnOpenSocketIsRefused() throws Exception {
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool strict = Workers.pool(ListeningAtSnapshotService.class, dir.resolve("strict"))
            .engine(SimulatedSnapshotEngine.create()).environment("GREETING", "hello, refused")
            .minContainers(1).build()) {
      assertThat(strict.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      // Uncheckpointed, it still got the restore-time values its launch left out.
      assertThat(strict.call(String.class, "greeting")).isEqualTo("hello, refused");
      assertThat(strict.snapshotStatus().detail()).containsPattern("TCP \\*:\\d+ \\(listening\\)");
      assertThat(warnings.warnings()).singleElement().asString().contains("containers start cold");
    }
    SimulatedSnapshotEngine lenient =
        SimulatedSnapshotEngine.create().withCheckpointPolicy(CheckpointPolicy.ALLOW_ALL);
    try (ContainerPool pool = Workers.pool(ListeningAtSnapshotService.class, dir.resolve("lenient"))
        .engine(lenient).minContainers(1).build()) {
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsOnly(StartKind.CHECKPOINTED);
      assertThat(pool.call(Integer.class, "port")).isPositive();
    }
  }

  @Test
  void theBuildEnvironmentReachesTheSnapHooksOfEveryKindOfContainerAndIsPartOfTheKey()
      throws Exception {
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create();
    try (ContainerPool pool = Workers.pool(BuildEnvironmentService.class, dir).engine(engine)
        .buildEnvironment("MODEL", "small").environment("GREETING", "hello")
        .minContainers(2).maxContainers(2).build()) {
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);
      assertThat(pool.call(String.class, "model")).isEqualTo("small");
      assertThat(pool.call(String.class, "greeting")).isEqualTo("hello");
    }
    try (ContainerPool cold = Workers.pool(BuildEnvironmentService.class, dir)
        .memorySnapshots(false).buildEnvironment("MODEL", "small").minContainers(1).build()) {
      assertThat(cold.call(String.class, "model")).isEqualTo("small");
    }
    SimulatedSnapshotEngine other = SimulatedSnapshotEngine.create();
    try (ContainerPool larger = Workers.pool(BuildEnvironmentService.class, dir).engine(other)
        .buildEnvironment("MODEL", "large").minContainers(1).build()) {
      assertThat(other.checkpoints()).as("another build environment, another image").isEqualTo(1);
      assertThat(larger.call(String.class, "model")).isEqualTo("large");
    }
  }

  /** {@code n} calls at once, each held long enough that every container takes one. */
  private static List<Identity> identities(ContainerPool pool, int n) {
    List<CompletableFuture<Identity>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> pool.call(Identity.class, "identity", 1_500L)));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  /** The image directories in the store (its lock files and temporary entries start with a dot). */
  private List<Path> storedImages() throws IOException {
    Path store = dir.resolve("snapshots");
    if (!Files.isDirectory(store)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(store)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isDirectory).toList();
    }
  }

  private static Path largestFile(Path image) throws IOException {
    try (Stream<Path> files = Files.list(image)) {
      return files.max((a, b) -> Long.compare(size(a), size(b))).orElseThrow();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
