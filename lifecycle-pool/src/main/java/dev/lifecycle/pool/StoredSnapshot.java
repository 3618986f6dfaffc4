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
 * @param inUse whether a pool, in this process or another, holds it now (it is never removed then)
 * @param problem why its manifest cannot be read (the snapshot is unusable); empty when it can
 */
public record StoredSnapshot(
    Path directory,
    Optional<String> serviceClass,
    String keySummary,
    long size,
    Optional<Instant> created,
    Instant lastUsed,
    boolean inUse,
    Optional<String> problem) {

  public StoredSnapshot {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(keySummary, "keySummary");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(problem, "problem");
  }
}
