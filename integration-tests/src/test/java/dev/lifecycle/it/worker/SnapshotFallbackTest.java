package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.worker.AbcdService.Identity;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.criu.CriuEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * When memory snapshots cannot be used, containers start cold (the snap hooks run in every one),
 * the pool says why in exactly one warning, and calls give the same results.
 */
@ExtendWith(NoStrayWorkers.class)
class SnapshotFallbackTest {

  @TempDir Path dir;

  @Test
  void aSocketOpenAtTheSnapshotPointIsNamedAndContainersStartCold() throws Exception {
    Workers.requireCriu();
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(ListeningAtSnapshotService.class, dir)
            .minContainers(2).maxContainers(2).build()) {
      int port = pool.call(Integer.class, "port");

      SnapshotStatus status = pool.snapshotStatus();
      assertThat(status.state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(status.detail())
          .containsPattern("fd \\d+: TCP \\*:\\d+ \\(listening\\)")
          .contains("in a post-snapshot hook (@Enter without snap = true)");
      assertThat(warnings.warnings()).singleElement().asString()
          .contains(ListeningAtSnapshotService.class.getName())
          .contains("containers start cold")
          .containsPattern("TCP \\*:\\d+ \\(listening\\)");
      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsOnly(StartKind.COLD);
      assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
      assertThat(port).isPositive();
      assertThat(Files.exists(dir.resolve("snapshots"))
          && Files.list(dir.resolve("snapshots")).anyMatch(p -> !p.getFileName().toString().startsWith(".")))
          .as("no snapshot stored").isFalse();
    }
  }

  @Test
  void withoutCriuContainersStartColdWithOneWarningAndGiveTheSameResults() throws Exception {
    Path missing = dir.resolve("no-such-dir/criu");
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir)
            .engine(CriuEngine.at(missing))
            .environment("GREETING", "cold hello")
            .minContainers(2).maxContainers(2).build()) {
      List<Identity> identities = bothContainers(pool);

      assertThat(identities).extracting(Identity::order).containsOnly("ABCD");
      assertThat(identities).extracting(Identity::greeting).containsOnly("cold hello");
      assertThat(identities).extracting(Identity::restored).containsOnly(false);
      assertThat(identities).extracting(Identity::containerId).doesNotHaveDuplicates();
      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsOnly(StartKind.COLD);
      assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("containers start cold")
          .contains("criu not found at " + missing);
    }
  }

  @Test
  void aFailedCheckpointQuotesCriusLogAndContainersStartCold() throws Exception {
    // The real criu for everything (version, check, restore) but dump.
    Path failingCriu = Workers.criuFailing("dump",
        "(00.012345) Error (criu/cr-dump.c:2093): Dumping FAILED (injected by the test).", dir);

    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir)
            .engine(CriuEngine.at(failingCriu))
            .minContainers(2).maxContainers(2).build()) {
      List<Identity> identities = bothContainers(pool);

      assertThat(identities).extracting(Identity::order).containsOnly("ABCD");
      assertThat(identities).extracting(Identity::restored).containsOnly(false);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .doesNotContain(StartKind.RESTORED);
      assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
      SnapshotStatus status = pool.snapshotStatus();
      assertThat(status.state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(status.detail()).contains("Dumping FAILED (injected by the test)");
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("containers start cold")
          .contains("Dumping FAILED (injected by the test)");
      // The log it points to is still there, though the failed image's directory is gone.
      Matcher full = Pattern.compile("Full criu log: (\\S+)").matcher(warnings.warnings().get(0));
      assertThat(full.find()).as(warnings.warnings().get(0)).isTrue();
      Path log = Path.of(full.group(1));
      try {
        assertThat(log).content().contains("Dumping FAILED (injected by the test)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
            .isEqualTo("rw-------");
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }

  private static List<Identity> bothContainers(ContainerPool pool) {
    List<CompletableFuture<Identity>> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> pool.call(Identity.class, "identity", 1_000L)));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }
}
