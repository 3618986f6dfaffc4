package dev.lifecycle.pool.internal.store;

import dev.lifecycle.runtime.internal.RecentlyUsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A SHA-256 over the contents of a class path, entry by entry in order: a jar's bytes, a
 * directory's files (relative name and bytes, sorted by name).
 *
 * <p>Contents, not names or timestamps: rebuilding the same code yields the same digest, while
 * changing one class file yields a new one, and with it a new snapshot. A missing entry counts as
 * "missing", so creating it later changes the digest too.
 *
 * <p>Reading everything costs about a second per few hundred megabytes, on the way to every new
 * pool's first container. So each JVM remembers each entry's digest with the {@link FileStamp}s of
 * its files, taken before they were read, and reads an entry again only when a stamp changed (for
 * a directory, also when a file came or went): a few {@code stat}s per entry for a pool of a class
 * path seen before. An entry with a file changed within the last second is not remembered.
 */
public final class ClasspathDigest {

  /** Enough for the class paths of many services; beyond it the oldest entries are read again. */
  private static final int REMEMBERED_ENTRIES = 1024;
  /** Far longer than any file system's timestamp tick. */
  private static final Duration RECENT = Duration.ofSeconds(1);

  /** An entry's digest and what its files looked like when they were read. */
  private record Remembered(List<Object> stamps, String digest) {}

  /** Guarded by itself. */
  private static final Map<Path, Remembered> REMEMBERED = new RecentlyUsed<>(REMEMBERED_ENTRIES);

  /** Files read whole, ever: what remembering saves, for tests. */
  private static final AtomicLong FILES_READ = new AtomicLong();

  private ClasspathDigest() {}

  static long filesRead() {
    return FILES_READ.get();
  }

  /** The hex digest of {@code entries}' contents. */
  public static String of(List<Path> entries) throws IOException {
    MessageDigest digest = Hashing.sha256();
    Hashing.updateField(digest, "lifecycle-classpath/2");
    for (Path entry : entries) {
      Hashing.updateField(digest, entryDigest(entry.toAbsolutePath().normalize()));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * A file of an entry and its name there: relative to a class directory, with {@code /} whatever
   * the platform; empty for a jar.
   */
  private record EntryFile(String name, Path path) {}

  private static String entryDigest(Path entry) throws IOException {
    boolean directory = Files.isDirectory(entry);
    List<EntryFile> files = directory ? filesIn(entry) : List.of(new EntryFile("", entry));
    List<Object> stamps = new ArrayList<>();
    for (EntryFile file : files) {
      Optional<FileStamp> stamp = FileStamp.of(file.path());
      if (stamp.isEmpty()) {
        if (!directory) {
          return "missing";
        }
        continue; // gone since the walk: hashing below fails or counts it, and stamps differ
      }
      stamps.add(file.name());
      stamps.add(stamp.get());
    }
    synchronized (REMEMBERED) {
      Remembered known = REMEMBERED.get(entry);
      if (known != null && known.stamps().equals(stamps)) {
        return known.digest();
      }
    }
    String digest = directory ? directoryDigest(files) : fileDigest(entry);
    if (!changedLately(stamps)) {
      synchronized (REMEMBERED) {
        REMEMBERED.put(entry, new Remembered(List.copyOf(stamps), digest));
      }
    }
    return digest;
  }

  /**
   * Whether a file changed within {@link #RECENT} of now: a file system with coarse timestamps
   * gives a write in the same tick as the stamp the same change time, so such a stamp proves
   * nothing yet, and the entry is read again next time.
   */
  private static boolean changedLately(List<Object> stamps) {
    Instant recent = Instant.now().minus(RECENT);
    return stamps.stream().filter(FileStamp.class::isInstance).map(FileStamp.class::cast)
        .anyMatch(s -> s.changed().toInstant().isAfter(recent)
            || s.modified().toInstant().isAfter(recent));
  }

  private static String fileDigest(Path file) throws IOException {
    MessageDigest digest = Hashing.sha256();
    Hashing.updateField(digest, "file " + Files.size(file));
    Hashing.update(digest, file);
    FILES_READ.incrementAndGet();
    return "file " + HexFormat.of().formatHex(digest.digest());
  }

  private static String directoryDigest(List<EntryFile> files) throws IOException {
    MessageDigest digest = Hashing.sha256();
    Hashing.updateField(digest, Integer.toString(files.size()));
    for (EntryFile file : files) {
      Hashing.updateField(digest, file.name() + " " + Files.size(file.path()));
      Hashing.update(digest, file.path());
      FILES_READ.incrementAndGet();
    }
    return "dir " + HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The directory's regular files, sorted by relative name. Each name is made once (sorting by
   * names made in the comparison cost a pool's set-up milliseconds for a hundred classes), and
   * the walk's own attributes tell a regular file (a link is followed to tell, as before).
   */
  private static List<EntryFile> filesIn(Path dir) throws IOException {
    try (Stream<Path> walk = Files.find(dir, Integer.MAX_VALUE, (file, attributes) ->
        attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file))) {
      return walk.map(file -> new EntryFile(relative(dir, file), file))
          .sorted(Comparator.comparing(EntryFile::name))
          .toList();
    }
  }

  /** The name relative to the class directory, with {@code /} whatever the platform. */
  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
