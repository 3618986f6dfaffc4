package dev.lifecycle.junit;

import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A checkpoint engine for tests: at the snapshot point it lets the test look at the instance
 * (after the snap hooks, before the others), then reports the container as restored, so that the
 * post-snapshot hooks run as they would in a restored clone.
 *
 * <p>The "restore" is simulated: the heap is the one the snap hooks built, nothing is copied. The
 * callback's failure (a failed assertion) is kept rather than thrown, since a real engine's failure
 * only means a cold start; {@link LifecycleExtension} rethrows it after the start.
 */
public final class SimulatedSnapshot implements CheckpointEngine {

  private final Consumer<Object> atSnapshot;
  private volatile boolean crossed;
  private volatile Throwable failure;

  /** @param atSnapshot called with the instance at the snapshot point */
  @SuppressWarnings("unchecked") // the caller knows the service type; the point carries it as Object
  public <T> SimulatedSnapshot(Consumer<? super T> atSnapshot) {
    this.atSnapshot = (Consumer<Object>) atSnapshot;
  }

  /** A simulation with nothing to check at the snapshot point. */
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
    return SnapshotOutcome.restored("simulated in this JVM: the heap is the one the snap hooks built");
  }

  /** Whether a container reached the snapshot point. */
  public boolean crossed() {
    return crossed;
  }

  /** What the callback threw, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }
}
