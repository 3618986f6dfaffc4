package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over the contents of a class path, entry by entry in order: a jar's bytes, a
 * directory's files (relative name and bytes, sorted by name).
 *
 * <p>Contents, not names or timestamps: rebuilding the same code yields the same digest, while
 * changing one class file yields a new one, and with it a new snapshot. A missing entry counts as
 * "missing", so creating it later changes the digest too. Reading everything costs about a second
 * per few hundred megabytes; a supervisor computes it once per pool.
 */
public final class ClasspathDigest {

  private ClasspathDigest() {}

  /** The hex digest of {@code entries}' contents. */
  public static String of(List<Path> entries) throws IOException {
    MessageDigest digest = Hashing.sha256();
    Hashing.updateField(digest, "lifecycle-classpath/1");
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        Hashing.updateField(digest, "dir");
        hashDirectory(digest, entry);
      } else if (Files.isRegularFile(entry)) {
        Hashing.updateField(digest, "file " + Files.size(entry));
        Hashing.update(digest, entry);
      } else {
        Hashing.updateField(digest, "missing");
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void hashDirectory(MessageDigest digest, Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
          .toList();
    }
    Hashing.updateField(digest, Integer.toString(files.size()));
    for (Path file : files) {
      Hashing.updateField(digest, relative(dir, file) + " " + Files.size(file));
      Hashing.update(digest, file);
    }
  }

  /** The name relative to the class directory, with {@code /} whatever the platform. */
  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
