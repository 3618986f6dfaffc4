package dev.lifecycle.pool.internal.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A complete, verified snapshot in a {@link SnapshotStore}.
 *
 * @param key what it was built for
 * @param directory the image directory, which the snapshot engine restores; it also holds the
 *     manifest. Read-only from here on: clones restore from it concurrently
 * @param created when the build finished
 * @param imageSize total bytes of the image files
 * @param checksum SHA-256 (hex) over the image files' names, sizes and SHA-256s
 */
public record Snapshot(SnapshotKey key, Path directory, Instant created, long imageSize, String checksum) {

  public Snapshot {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(checksum, "checksum");
  }
}
