package dev.lifecycle.runtime.checkpoint;

import dev.lifecycle.runtime.SnapshotOutcome;

/** Takes no snapshot: the process simply continues with the post-snapshot hooks. */
final class NoSnapshotEngine implements CheckpointEngine {

  static final NoSnapshotEngine INSTANCE = new NoSnapshotEngine();

  private NoSnapshotEngine() {}

  @Override
  public String name() {
    return "none";
  }

  @Override
  public SnapshotOutcome checkpoint(SnapshotPoint point) {
    // Without a snapshot the snap hooks simply ran in this JVM, right before the other enter hooks.
    return SnapshotOutcome.skipped("no checkpoint engine (in-JVM container)");
  }

  @Override
  public String toString() {
    return "CheckpointEngine.none()";
  }
}
