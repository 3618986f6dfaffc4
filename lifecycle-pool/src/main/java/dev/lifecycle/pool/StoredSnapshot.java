package dev.lifecycle.pool;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One memory snapshot in a snapshot store, as {@link SnapshotStoreAdmin#list()} found it.
 *
 * @param directory its directory (the image and its manifest)
 * @param serviceClass the service it is an image of; empty when its manifest cannot be read
 * @param keySummary for people: what else the image depends on (JVM options, snapshot engine,
 *     kernel, Java, class path digest); a change of any makes a new snapshot
 * @param size bytes on disk
 * @param created when it was built; empty when its manifest cannot be read
 * @param lastUsed when a pool last looked it up, or it was built
 * @param use whether a pool, in this process or another, holds it now (it is never removed then),
 *     or {@link Use#UNKNOWN} when a store opened {@linkplain SnapshotStoreAdmin#openReadOnly read-only}
 *     cannot tell
 * @param problem why its manifest cannot be read (the snapshot is unusable); empty when it can
 */
public record StoredSnapshot(
    Path directory,
    Optional<String> serviceClass,
    String keySummary,
    long size,
    Optional<Instant> created,
    Instant lastUsed,
    Use use,
    Optional<String> problem) {

  /** Whether a pool holds a snapshot now. */
  public enum Use {
    /** A pool, in this process or another, holds it: it is not removed. */
    IN_USE,
    /** No pool holds it. */
    NOT_IN_USE,
    /** Cannot be found out without writing to the store (see {@link SnapshotStoreAdmin#openReadOnly}). */
    UNKNOWN
  }

  public StoredSnapshot {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(keySummary, "keySummary");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(problem, "problem");
  }

  /** Whether a pool is known to hold it now: {@link #use()} is {@link Use#IN_USE}. */
  public boolean inUse() {
    return use == Use.IN_USE;
  }
}
