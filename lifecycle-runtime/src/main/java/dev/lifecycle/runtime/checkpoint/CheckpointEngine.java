package dev.lifecycle.runtime.checkpoint;

import dev.lifecycle.runtime.SnapshotOutcome;

/**
 * Takes the memory snapshot of a container at its snapshot point: after the {@code @Enter(snap =
 * true)} hooks, before the other enter hooks.
 *
 * <p>The runtime's phase engine ({@code dev.lifecycle.runtime.internal.ContainerLifecycle}) calls {@link #checkpoint} on the thread that runs the enter
 * hooks and continues with the post-snapshot hooks when it returns. An engine that snapshots the
 * whole process returns twice, so to speak: once in the process that was checkpointed
 * ({@link SnapshotOutcome.Kind#CHECKPOINTED}) and once in every process restored from the image
 * ({@link SnapshotOutcome.Kind#RESTORED}); the phase logic is the same in both, which is why it
 * lives in one class. Only services with {@code @Service(enableMemorySnapshot = true)} reach this
 * step.
 *
 * <p>A snapshot is an optimisation: an engine that cannot take one returns {@link
 * SnapshotOutcome#failed} (or throws), and the container carries on as a cold start, saying why.
 */
public interface CheckpointEngine {

  /** A short name for messages and timelines, e.g. {@code "none"} or {@code "criu"}. */
  String name();

  /**
   * Takes the snapshot, or declines to.
   *
   * @return what happened; never {@code null}
   * @throws Exception when the snapshot failed; the container falls back to a cold start
   */
  SnapshotOutcome checkpoint(SnapshotPoint point) throws Exception;

  /** The engine of in-JVM containers: never snapshots, so every hook runs in this process. */
  static CheckpointEngine none() {
    return NoSnapshotEngine.INSTANCE;
  }
}
