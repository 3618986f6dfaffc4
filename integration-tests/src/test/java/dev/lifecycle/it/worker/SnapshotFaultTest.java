package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.criu.CriuEngine;
import dev.lifecycle.pool.internal.protocol.RemoteException;
import dev.lifecycle.runtime.ContainerStartException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What goes wrong around snapshots: a damaged image, a snap hook that fails. */
@ExtendWith(NoStrayWorkers.class)
class SnapshotFaultTest {

  @TempDir Path dir;

  @Test
  void aCorruptedImageIsDetectedAndRebuiltAndCallsStillSucceed() throws Exception {
    Workers.requireCriu();
    Path image;
    try (ContainerPool first = Workers.pool(AbcdService.class, dir).minContainers(1).build()) {
      image = first.snapshotStatus().image().orElseThrow();
    }
    Path pages = largestPagesFile(image);
    try (FileChannel file = FileChannel.open(pages, StandardOpenOption.WRITE)) {
      file.truncate(file.size() / 2);
    }

    try (ContainerPool second = Workers.pool(AbcdService.class, dir).minContainers(2).build()) {
      assertThat(second.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED, StartKind.RESTORED);
      assertThat(second.call("order")).isEqualTo("ABCD");
      assertThat(second.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      // A fresh image, complete again.
      assertThat(Files.size(pages)).isGreaterThan(0);
    }
    // Once per build: the first image, and the rebuilt one.
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
  }

  @Test
  void aFailedRestoreDiscardsTheSnapshotRebuildsItAndLeavesNoHalfStartedProcess() throws Exception {
    // The real criu for everything but restore, which refuses the image. (An altered image file
    // no longer gets that far: the store refuses it before the restore.)
    Path criu = Workers.criuFailing("restore",
        "(00.012345) Error (criu/cr-restore.c:1234): Restoring FAILED (injected by the test).", dir);
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir).engine(CriuEngine.at(criu))
            .minContainers(1).maxContainers(2).build()) {
      Path image = pool.snapshotStatus().image().orElseThrow();

      // Two calls at once need a second container: its restore fails, so it is the rebuild.
      List<CompletableFuture<AbcdService.Identity>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(CompletableFuture.supplyAsync(
            () -> pool.call(AbcdService.Identity.class, "identity", 1_000L)));
      }
      assertThat(calls.stream().map(CompletableFuture::join)).extracting(AbcdService.Identity::order)
          .containsOnly("ABCD");

      assertThat(warnings.warnings()).singleElement().asString()
          .contains("restoring its memory snapshot")
          .contains("failed, so it was discarded and will be rebuilt")
          .contains("Restoring FAILED (injected by the test)");
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED, StartKind.CHECKPOINTED);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(pool.snapshotStatus().image()).contains(image); // rebuilt in its place
      // The two containers' JVMs, nothing half-restored.
      assertThat(Workers.markedProcesses()).filteredOn(Workers::isJvm).hasSize(2);
    }
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
  }

  @Test
  void aSnapHookFailingInTheFirstContainerTakesNoSnapshotAndReachesTheCaller() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = Workers.pool(FailingSnapService.class, dir).maxContainers(1).build()) {
      Throwable thrown = catchThrowable(() -> pool.call("predict", "x"));

      assertThat(thrown).isInstanceOf(ContainerStartException.class)
          .hasMessageContaining("@Enter(snap = true) hook " + FailingSnapService.class.getName() + ".load()")
          .hasMessageContaining("java.lang.IllegalStateException: model file weights.bin is missing");
      assertThat(((ContainerStartException) thrown).failedHook()).hasValueSatisfying(
          hook -> assertThat(hook.methodName()).isEqualTo("load"));
      RemoteException cause = (RemoteException) thrown.getCause();
      assertThat(cause.remoteType()).isEqualTo(IllegalStateException.class.getName());
      assertThat(cause.getStackTrace()[0].getClassName()).isEqualTo(FailingSnapService.class.getName());
      assertThat(pool.snapshotStatus().image()).isEmpty();
      assertThat(WorkerFiles.lines(dir, "exits")).containsExactly("exit after failed start");
    }
    try (Stream<Path> stored = Files.list(dir.resolve("snapshots"))) {
      assertThat(stored.filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
    }
  }

  private static Path largestPagesFile(Path image) throws IOException {
    try (Stream<Path> files = Files.list(image)) {
      return files.filter(p -> p.getFileName().toString().startsWith("pages-"))
          .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }
}
