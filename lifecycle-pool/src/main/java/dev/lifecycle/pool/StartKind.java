package dev.lifecycle.pool;

/** How a container of a pool came to run. */
public enum StartKind {
  /** A new JVM ran the constructor and every enter hook, snap hooks included. */
  COLD,
  /**
   * A new JVM ran the constructor and the snap hooks, was checkpointed into the pool's snapshot,
   * kept running, and ran the post-snapshot hooks: the first container of a snapshot-enabled
   * service whose snapshot did not exist yet.
   */
  CHECKPOINTED,
  /** The snapshot engine restored the snapshot: only the post-snapshot hooks ran in this container. */
  RESTORED
}
