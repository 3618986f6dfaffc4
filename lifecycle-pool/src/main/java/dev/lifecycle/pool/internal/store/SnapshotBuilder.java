package dev.lifecycle.pool.internal.store;

import java.nio.file.Path;

/** Writes a snapshot's image files, typically the snapshot engine's checkpoint into the directory. */
@FunctionalInterface
public interface SnapshotBuilder {

  /**
   * Writes the image into {@code directory}: new, empty, mode 0700, a temporary sibling of the
   * final directory. The store adds the manifest afterwards and moves it into place.
   *
   * @throws Exception any failure; the store deletes the directory and reports it
   */
  void build(Path directory) throws Exception;
}
