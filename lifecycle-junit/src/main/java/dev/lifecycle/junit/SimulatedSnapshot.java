package dev.lifecycle.junit;

import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import dev.lifecycle.runtime.internal.safety.CheckpointSafety;
import dev.lifecycle.runtime.internal.safety.OpenResource;
import dev.lifecycle.runtime.internal.safety.OpenResourceScanner;
import dev.lifecycle.runtime.internal.safety.UnsafeCheckpointException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A checkpoint engine for tests: at the snapshot point it lets the test look at the instance
 * (after the snap hooks, before the others), runs the scan a pool's worker runs before its
 * checkpoint, then reports the container as restored, so that the post-snapshot hooks run as they
 * would in a restored clone.
 *
 * <p>The scan fails the start with the words a pool would log when a constructor or snap hook left
 * a file, socket or pipe open, which a pool refuses to checkpoint. A test JVM holds descriptors of
 * its own (the test framework's, other tests'): only those opened after this simulation was made,
 * before the container started, count. On a system without {@code /proc} there is nothing to scan.
 *
 * <p>The "restore" is simulated: the heap is the one the snap hooks built, nothing is copied. The
 * callback's failure (a failed assertion) is kept rather than thrown, since a real engine's failure
 * only means a cold start; {@link LifecycleExtension} rethrows it after the start.
 */
public final class SimulatedSnapshot implements CheckpointEngine {

  private final Consumer<Object> atSnapshot;
  private final Optional<OpenResourceScanner> scanner;
  private volatile boolean crossed;
  private volatile Throwable failure;

  /** @param atSnapshot called with the instance at the snapshot point */
  @SuppressWarnings("unchecked") // the caller knows the service type; the point carries it as Object
  public <T> SimulatedSnapshot(Consumer<? super T> atSnapshot) {
    this.atSnapshot = (Consumer<Object>) atSnapshot;
    this.scanner = scannerExcludingWhatIsOpenNow();
  }

  /** A simulation with nothing to check at the snapshot point but the pool's scan. */
  public SimulatedSnapshot() {
    this(instance -> {});
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public SnapshotOutcome checkpoint(SnapshotPoint point) {
    crossed = true;
    try {
      atSnapshot.accept(point.instance());
    } catch (RuntimeException | Error e) {
      failure = e;
      return SnapshotOutcome.failed("the atSnapshot callback threw " + e);
    }
    if (scanner.isPresent()) {
      try {
        CheckpointSafety.check(scanner.get());
      } catch (UnsafeCheckpointException unsafe) {
        failure = new AssertionError("Service " + point.service().serviceName() + " cannot be"
            + " checkpointed by a pool, which would log this and start its containers cold: "
            + unsafe.getMessage());
        return SnapshotOutcome.failed(unsafe.getMessage());
      }
    }
    return SnapshotOutcome.restored("simulated in this JVM: the heap is the one the snap hooks built");
  }

  /** Whether a container reached the snapshot point. */
  public boolean crossed() {
    return crossed;
  }

  /** What the callback or the scan found, if anything. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  private static Optional<OpenResourceScanner> scannerExcludingWhatIsOpenNow() {
    try {
      OpenResourceScanner scanner = OpenResourceScanner.forCurrentJvm();
      List<OpenResource> before = scanner.openResources();
      return Optional.of(scanner.excluding(before));
    } catch (RuntimeException noProc) {
      return Optional.empty(); // not Linux: the pool's scan cannot run here either
    }
  }
}
