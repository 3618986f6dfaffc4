package dev.lifecycle.pool.engine;

/**
 * What a worker checks right before it is checkpointed, in its own process, so that a service
 * that holds what a snapshot cannot carry hears so by name instead of as a broken clone.
 */
public enum CheckpointPolicy {

  /**
   * Refuse when the process holds open files, sockets or pipes the JVM does not own itself, each
   * named with the hook that should close it: a clone would find a changed file, a port already
   * taken, or a connection whose peer never heard of it.
   */
  REFUSE_UNOWNED_RESOURCES,

  /** Check nothing: for engines that carry, or re-create, every open resource. */
  ALLOW_ALL
}
