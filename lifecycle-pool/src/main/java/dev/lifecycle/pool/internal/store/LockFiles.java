package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The files the store's locks are taken on: empty, the owner's only, created on first use. */
final class LockFiles {

  private LockFiles() {}

  /** Creates {@code file} (mode 0600) unless it exists; another process creating it first is fine. */
  static void createIfMissing(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        // it is only a lock: whoever made it, it is there now
      }
    }
  }
}
