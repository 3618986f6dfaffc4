package dev.lifecycle.pool.criu;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Criu#dump} checkpoints a process.
 *
 * @param leaveRunning keep the process running after the dump ({@code --leave-running}); by
 *     default criu kills it, which is what a snapshot wants: the image, not the original, is what
 *     serves from then on
 * @param shellJob pass {@code --shell-job}: needed only when the process is not a session leader
 *     or has a terminal. A worker started with {@code setsid} needs neither, and then the restore
 *     must not use it either
 * @param timeout how long criu may take before it is killed
 * @param extraArguments further criu arguments, appended as they are (no shell involved)
 */
record DumpOptions(
    boolean leaveRunning, boolean shellJob, Duration timeout, List<String> extraArguments) {

  /** Two minutes: a dump writes about 300 MB/s here, so this covers heaps of many gigabytes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  public DumpOptions {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("dump timeout must be positive, got " + timeout);
    }
    extraArguments = List.copyOf(extraArguments);
  }

  /** Kill the process after the dump, no shell job, {@link #DEFAULT_TIMEOUT}. */
  public static DumpOptions defaults() {
    return new DumpOptions(false, false, DEFAULT_TIMEOUT, List.of());
  }

  public DumpOptions withLeaveRunning(boolean value) {
    return new DumpOptions(value, shellJob, timeout, extraArguments);
  }

  public DumpOptions withShellJob(boolean value) {
    return new DumpOptions(leaveRunning, value, timeout, extraArguments);
  }

  public DumpOptions withTimeout(Duration value) {
    return new DumpOptions(leaveRunning, shellJob, value, extraArguments);
  }

  public DumpOptions withExtraArguments(List<String> value) {
    return new DumpOptions(leaveRunning, shellJob, timeout, value);
  }
}
