package dev.lifecycle.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * Which snapshots {@link SnapshotStoreAdmin#prune} removes. Whatever the selection, a snapshot in
 * use by a pool or being built is kept (and reported as kept).
 */
public sealed interface SnapshotPrune {

  /** The least recently used snapshots, until the store holds at most {@code bytes}. */
  record ToBudget(long bytes) implements SnapshotPrune {
    public ToBudget {
      if (bytes < 0) {
        throw new IllegalArgumentException("a budget must be at least 0 bytes, was " + bytes);
      }
    }
  }

  /**
   * Snapshots replaced by a newer one of the same service, JVM options, snapshot engine and
   * kernel (built from other code or another Java), and unusable ones (no readable manifest).
   */
  record Superseded() implements SnapshotPrune {}

  /** Snapshots no pool has looked up for at least {@code age}. */
  record UnusedFor(Duration age) implements SnapshotPrune {
    public UnusedFor {
      Objects.requireNonNull(age, "age");
      if (age.isNegative()) {
        throw new IllegalArgumentException("an age must not be negative, was " + age);
      }
    }
  }

  /** Every snapshot of the service class {@code serviceClass} (its binary name). */
  record OfService(String serviceClass) implements SnapshotPrune {
    public OfService {
      Objects.requireNonNull(serviceClass, "serviceClass");
    }
  }

  /** Every snapshot. */
  record Everything() implements SnapshotPrune {}
}
