package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What changes when a file is written, however it is written: its inode and size, its
 * modification time (which {@code touch} can set back) and its change time (which nothing but the
 * clock can). One {@code stat}, where hashing the file costs reading all of it: the store compares
 * stamps before each restore, the class path digest before hashing an entry again.
 */
record FileStamp(Object inode, long size, FileTime modified, FileTime changed) {

  /** The stamp of the regular file at {@code file}; empty when there is none to stat. */
  static Optional<FileStamp> of(Path file) {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(file, "unix:isRegularFile,ino,size,lastModifiedTime,ctime");
    } catch (IOException e) {
      return Optional.empty(); // as Files.isRegularFile: a file that cannot be stat'ed is none
    }
    if (!(Boolean) a.get("isRegularFile")) {
      return Optional.empty();
    }
    return Optional.of(new FileStamp(a.get("ino"), (Long) a.get("size"),
        (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime")));
  }

  /** The stamps of the files a snapshot's manifest lists, by name. */
  static Map<String, FileStamp> ofAll(Path dir, SnapshotManifest manifest) throws IOException {
    Map<String, FileStamp> stamps = new HashMap<>();
    for (SnapshotManifest.FileEntry f : manifest.files()) {
      Path file = dir.resolve(f.name());
      stamps.put(f.name(), of(file).orElseThrow(() -> new NoSuchFileException(file.toString())));
    }
    return stamps;
  }
}
