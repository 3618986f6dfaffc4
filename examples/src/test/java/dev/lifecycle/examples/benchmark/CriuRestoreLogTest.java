package dev.lifecycle.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading where a restore's time went from criu's log, for pages copied and pages mapped. */
class CriuRestoreLogTest {

  @TempDir Path dir;

  @Test
  void aStockCriuCopiesThePages() throws Exception {
    CriuRestoreLog log = read("""
        (00.000192) Loaded kdat cache from /dev/shm/lifecycle-criu/criu.kdat
        (00.001500) Forking task with 1 pid (flags 0x20000000)
        (00.010000) pie: 1: Preadv 7f0000000000:4096... (2 iovs)
        (00.012000) pie: 1: `- returned 1048576
        (00.012100) pie: 1: Preadv 7f0000200000:4096... (1 iovs)
        (00.013100) pie: 1: `- returned 524288
        (00.023561) Restore finished successfully. Tasks resumed.
        """);

    assertThat(log.forkMillis()).isCloseTo(1.5, within(0.001));
    assertThat(log.pageMillis()).isCloseTo(3.0, within(0.001));
    assertThat(log.readBytes()).isEqualTo(1_572_864);
    assertThat(log.mappedBytes()).isZero();
    assertThat(log.totalMillis()).isCloseTo(23.561, within(0.001));
  }

  @Test
  void lifecyclesCriuMapsThem() throws Exception {
    CriuRestoreLog log = read("""
        (00.001500) Forking task with 1 pid (flags 0x20000000)
        (00.008000) pie: 1: Lifecycle: restoring 311 runs of pages
        (00.010500) pie: 1: Lifecycle: pages restored: 80000000 bytes mapped, 2000000 bytes read
        (00.020000) Restore finished successfully. Tasks resumed.
        """);

    assertThat(log.pageMillis()).isCloseTo(2.5, within(0.001));
    assertThat(log.mappedBytes()).isEqualTo(80_000_000);
    assertThat(log.readBytes()).isEqualTo(2_000_000);
    assertThat(log.restOfRestoreMillis()).isCloseTo(20 - 1.5 - 2.5, within(0.001));
  }

  private CriuRestoreLog read(String text) throws Exception {
    Path file = dir.resolve("restore.log");
    Files.writeString(file, text);
    return CriuRestoreLog.read(file);
  }
}
