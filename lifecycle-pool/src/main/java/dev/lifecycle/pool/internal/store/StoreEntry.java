package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One snapshot directory of a {@link SnapshotStore}, as a listing sees it: cheap to read (the
 * manifest and one {@code stat} per file, no hashing).
 *
 * @param directory the snapshot's directory
 * @param key the key its manifest names; empty when the manifest is missing or malformed
 * @param created when its build finished, from the manifest; empty without one
 * @param size bytes on disk: every file in the directory, the manifest and logs included
 * @param lastUsed when a pool last looked it up (or it was built)
 * @param problem why the manifest could not be read; empty when it could
 */
public record StoreEntry(Path directory, Optional<SnapshotKey> key, Optional<Instant> created, long size,
    Instant lastUsed, Optional<String> problem) {

  /** {@code Greeter-<32 hex digits>}, as {@link SnapshotKey#directoryName()} names them. */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9_$-]+-[0-9a-f]{" + SnapshotKey.NAME_DIGITS + "}");

  public StoreEntry {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(problem, "problem");
  }

  static boolean isSnapshotDirectoryName(String name) {
    return NAME.matcher(name).matches();
  }

  /** The entry for {@code dir}; empty when it went away meanwhile (evicted, rebuilt). */
  static Optional<StoreEntry> read(Path dir) throws IOException {
    try {
      Instant lastUsed = Files.getLastModifiedTime(dir).toInstant();
      long size = sizeOf(dir);
      try {
        SnapshotManifest manifest = SnapshotManifest.read(dir.resolve(SnapshotManifest.FILE_NAME));
        return Optional.of(new StoreEntry(dir, Optional.of(manifest.key()), Optional.of(manifest.created()),
            size, lastUsed, Optional.empty()));
      } catch (NoSuchFileException e) {
        return Optional.of(new StoreEntry(dir, Optional.empty(), Optional.empty(), size, lastUsed,
            Optional.of("no manifest (an interrupted build or a damaged directory)")));
      } catch (RuntimeException e) {
        return Optional.of(new StoreEntry(dir, Optional.empty(), Optional.empty(), size, lastUsed,
            Optional.of("malformed manifest: " + e.getMessage())));
      }
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (NoSuchFileException gone) {
          return 0;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
