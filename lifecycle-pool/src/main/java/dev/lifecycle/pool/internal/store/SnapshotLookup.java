package dev.lifecycle.pool.internal.store;

import java.util.Objects;

/** What {@link SnapshotStore#lookup} found: a usable snapshot, or why one has to be built. */
public sealed interface SnapshotLookup {

  /** A complete snapshot whose key matches and whose files match the manifest. */
  record Found(Snapshot snapshot) implements SnapshotLookup {
    public Found {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  /** No snapshot for this key yet: build one. */
  record Missing(String reason) implements SnapshotLookup {
    public Missing {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * There was a snapshot for this key but it was unusable (incomplete, truncated, corrupted, or
   * its manifest names another key); it has been deleted: rebuild.
   *
   * @param reason what was wrong, naming the file, e.g. "pages-1.img is 4096 bytes, the manifest
   *     says 212992 (truncated)"
   */
  record Discarded(String reason) implements SnapshotLookup {
    public Discarded {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
