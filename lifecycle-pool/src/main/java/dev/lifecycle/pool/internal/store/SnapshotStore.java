package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Memory snapshots on disk: one directory per {@link SnapshotKey} under a root, each with its
 * image files and a manifest.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Private</b>: the root and every snapshot directory are mode 0700, image files 0600. An
 *       image holds the process's memory, secrets included.
 *   <li><b>Never a wrong image</b>: a snapshot is found only for an equal key (the directory is
 *       named by the key's digest and the manifest holds the full key, compared field by field).
 *   <li><b>Never a broken image</b>: {@link #lookup} checks every file's presence and size on each
 *       call, and their SHA-256 once per snapshot directory and store instance (a supervisor keeps
 *       one store; hashing hundreds of megabytes on every restore would cost more than the
 *       restore). A missing manifest, missing, truncated or corrupted file, or foreign key makes
 *       the snapshot {@link SnapshotLookup.Discarded}: deleted, with the reason.
 *   <li><b>Atomic and exclusive creation</b>: {@link #create} builds in a temporary sibling
 *       directory, writes the manifest last, and renames the directory into place, all while
 *       holding a lock for that key (a file lock in the root, so other processes wait too). A
 *       second caller for the same key waits, then finds the first one's snapshot.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SnapshotStore {

  private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());
  private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final String BUILDING = ".building-";
  private static final String DISCARDED = ".discarded-";

  private final Path root;
  /** Manifests whose files were hashed and matched, by snapshot directory. */
  private final Map<Path, Verified> verified = new ConcurrentHashMap<>();

  private SnapshotStore(Path root) {
    this.root = root;
  }

  /** Opens (creating it, mode 0700) the store at {@link #defaultRoot()}. */
  public static SnapshotStore openDefault() throws IOException {
    return open(defaultRoot());
  }

  /**
   * Opens the store at {@code root}, creating it with mode 0700, or setting 0700 on an existing
   * one.
   *
   * @throws IOException when the directory cannot be created or made private
   */
  public static SnapshotStore open(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
    try {
      Files.setPosixFilePermissions(absolute, DIRECTORY_MODE);
    } catch (IOException e) {
      throw new IOException("snapshot store " + absolute + " must be private (mode 0700) because"
          + " images hold process memory, but its mode cannot be set: " + e
          + "; use a directory this user owns", e);
    }
    return new SnapshotStore(absolute);
  }

  /**
   * Opens the existing store at {@code root} to read it: creates nothing and changes no mode, so
   * that a store on a read-only mount, or another user's, can be listed and verified. Only {@link
   * #entries}, {@link #verifyFully} and {@link #inUseIfKnown} are meant for a store opened so.
   *
   * @throws IOException when {@code root} is not a directory
   */
  public static SnapshotStore openForReading(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new NoSuchFileException(absolute.toString(), null, "not a directory");
    }
    return new SnapshotStore(absolute);
  }

  /** {@code $XDG_CACHE_HOME/lifecycle/snapshots}, else {@code ~/.cache/lifecycle/snapshots}. */
  public static Path defaultRoot() {
    return defaultRoot(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
  }

  static Path defaultRoot(String xdgCacheHome, String userHome) {
    // The XDG spec says to ignore a relative XDG_CACHE_HOME.
    Path cache = xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()
        ? Path.of(xdgCacheHome)
        : Path.of(userHome, ".cache");
    return cache.resolve("lifecycle").resolve("snapshots");
  }

  /** The root directory. */
  public Path root() {
    return root;
  }

  /**
   * The usable snapshot for {@code key}, or why there is none. An unusable one is deleted
   * (under the key's lock, so a concurrent {@link #create} is never disturbed).
   */
  public SnapshotLookup lookup(SnapshotKey key) throws IOException {
    Path dir = directoryOf(key);
    Verdict verdict = verify(key, dir);
    if (verdict.snapshot() != null) {
      markUsed(dir);
      return verdict.toLookup();
    }
    if (!Files.exists(dir)) {
      return verdict.toLookup();
    }
    KeyLock lock = KeyLock.acquire(lockFileOf(key));
    try {
      verdict = verify(key, dir); // another process may have rebuilt it meanwhile
      if (verdict.snapshot() == null && Files.exists(dir)) {
        discard(dir, verdict.reason());
        return new SnapshotLookup.Discarded(verdict.reason());
      }
      return verdict.toLookup();
    } finally {
      lock.close();
    }
  }

  /**
   * The snapshot for {@code key}: the existing one if usable, else one built now by {@code
   * builder}. Concurrent calls for one key, in this or other processes, build once.
   *
   * @throws SnapshotBuildException when the builder fails (nothing is stored)
   * @throws IOException when the store cannot be read or written
   */
  public Snapshot create(SnapshotKey key, SnapshotBuilder builder)
      throws IOException, SnapshotBuildException {
    Objects.requireNonNull(builder, "builder");
    Path dir = directoryOf(key);
    KeyLock lock = KeyLock.acquire(lockFileOf(key));
    try {
      Verdict existing = verify(key, dir);
      if (existing.snapshot() != null) {
        markUsed(dir);
        return existing.snapshot();
      }
      if (Files.exists(dir)) {
        discard(dir, existing.reason());
      }
      removeLeftovers(key);
      Path building = Files.createTempDirectory(root, BUILDING + key.directoryName() + "-",
          PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
      try {
        runBuilder(key, builder, building);
        makePrivate(building);
        SnapshotManifest manifest = SnapshotManifest.describe(building, key, Instant.now());
        if (manifest.files().isEmpty()) {
          throw new SnapshotBuildException(
              "building the snapshot of " + key.serviceClass() + " produced no files in " + building, null);
        }
        Path manifestFile = building.resolve(SnapshotManifest.FILE_NAME);
        manifest.write(manifestFile);
        Files.setPosixFilePermissions(manifestFile, FILE_MODE);
        moveAtomically(building, dir);
        rememberVerified(dir, manifest);
        Snapshot snapshot = toSnapshot(manifest, dir);
        LOG.log(System.Logger.Level.DEBUG, () -> "stored snapshot " + dir + " (" + snapshot.imageSize() + " bytes)");
        return snapshot;
      } finally {
        if (Files.exists(building)) {
          deleteRecursively(building);
        }
      }
    } finally {
      lock.close();
    }
  }

  private static void runBuilder(SnapshotKey key, SnapshotBuilder builder, Path building)
      throws SnapshotBuildException {
    try {
      builder.build(building);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new SnapshotBuildException("building the snapshot of " + key.serviceClass() + " failed: "
          + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()), e);
    }
  }

  /** Outcome of checking a directory: a snapshot, or the reason there is none. */
  private record Verdict(Snapshot snapshot, String reason, boolean missing) {
    SnapshotLookup toLookup() {
      if (snapshot != null) {
        return new SnapshotLookup.Found(snapshot);
      }
      return missing ? new SnapshotLookup.Missing(reason) : new SnapshotLookup.Discarded(reason);
    }
  }

  private Verdict verify(SnapshotKey key, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new Verdict(null, "no snapshot of " + key.serviceClass() + " for this key yet (" + dir + ")", true);
    }
    Path manifestFile = dir.resolve(SnapshotManifest.FILE_NAME);
    SnapshotManifest manifest;
    try {
      manifest = SnapshotManifest.read(manifestFile);
    } catch (NoSuchFileException e) {
      return bad(dir, "its manifest is missing (an interrupted build or a damaged directory)");
    } catch (RuntimeException e) {
      return bad(dir, "its manifest is malformed: " + e.getMessage());
    }
    if (!manifest.key().equals(key)) {
      return bad(dir, "its manifest is for another key (" + key.difference(manifest.key()) + ")");
    }
    // One stat per file on each restore: it answers presence and size, and is the stamp below.
    Map<String, FileStamp> files = new HashMap<>();
    for (SnapshotManifest.FileEntry f : manifest.files()) {
      Optional<FileStamp> file = FileStamp.of(dir.resolve(f.name()));
      if (file.isEmpty()) {
        return bad(dir, f.name() + " is missing");
      }
      long size = file.get().size();
      if (size != f.size()) {
        return bad(dir, f.name() + " is " + size + " bytes, the manifest says " + f.size()
            + (size < f.size() ? " (truncated)" : ""));
      }
      files.put(f.name(), file.get());
    }
    ManifestStamp stamp = ManifestStamp.of(manifestFile);
    Verified known = verified.get(dir);
    if (known == null || !known.manifest().equals(stamp) || !known.files().equals(files)) {
      // First use in this process, or a file was written since (its ctime moved, which no tool
      // can set back): hash it all again rather than restore memory that is not the image's.
      for (SnapshotManifest.FileEntry f : manifest.files()) {
        if (!Hashing.sha256Hex(dir.resolve(f.name())).equals(f.sha256())) {
          return bad(dir, f.name() + " does not match its SHA-256 in the manifest (corrupted)");
        }
      }
      verified.put(dir, new Verified(stamp, files));
    }
    return new Verdict(toSnapshot(manifest, dir), null, false);
  }

  private Verdict bad(Path dir, String problem) {
    verified.remove(dir);
    return new Verdict(null, "snapshot " + dir + " is unusable: " + problem + "; it will be rebuilt", false);
  }

  private static Snapshot toSnapshot(SnapshotManifest manifest, Path dir) {
    return new Snapshot(manifest.key(), dir, manifest.created(), manifest.imageSize(), manifest.checksum());
  }

  private void rememberVerified(Path dir, SnapshotManifest manifest) throws IOException {
    verified.put(dir, new Verified(ManifestStamp.of(dir.resolve(SnapshotManifest.FILE_NAME)),
        FileStamp.ofAll(dir, manifest)));
  }

  /** An image this process hashed, and the stamps of its files then. */
  private record Verified(ManifestStamp manifest, Map<String, FileStamp> files) {}

  /** Identifies one manifest file: a rebuilt snapshot has a new one, hence a new stamp. */
  private record ManifestStamp(Object fileKey, FileTime modified, long size) {
    static ManifestStamp of(Path manifest) throws IOException {
      var attributes = Files.readAttributes(manifest, java.nio.file.attribute.BasicFileAttributes.class);
      return new ManifestStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    }
  }

  private Path directoryOf(SnapshotKey key) {
    return root.resolve(key.directoryName());
  }

  private Path lockFileOf(SnapshotKey key) {
    return lockFileOf(directoryOf(key));
  }

  private Path lockFileOf(Path snapshotDirectory) {
    return root.resolve("." + snapshotDirectory.getFileName() + ".lock");
  }

  private Path useFileOf(Path snapshotDirectory) {
    return root.resolve("." + snapshotDirectory.getFileName() + ".use");
  }

  /**
   * Marks {@code key}'s snapshot as in use until the lease is closed: neither a budget nor a prune
   * removes it meanwhile, in this process or another. A pool holds one while it may restore the
   * image, as a restore reads the image's files.
   */
  public SnapshotLease lease(SnapshotKey key) throws IOException {
    return SnapshotLease.acquire(useFileOf(directoryOf(key)));
  }

  /**
   * Records a use of the snapshot in {@code dir}: its directory's modification time, which
   * nothing else changes once the directory is in place (its files are never added or removed),
   * is the "last used" that eviction orders by. One {@code utimes}; a store that cannot be
   * written (a shared read-only volume) only loses the order.
   */
  private static void markUsed(Path dir) {
    try {
      Files.setLastModifiedTime(dir, FileTime.from(Instant.now()));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "cannot record the use of " + dir + ": " + e);
    }
  }

  /** Every snapshot directory in the store (finished or not), as found now; unordered. */
  public List<StoreEntry> entries() throws IOException {
    List<StoreEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root,
        p -> StoreEntry.isSnapshotDirectoryName(p.getFileName().toString()) && Files.isDirectory(p))) {
      for (Path dir : dirs) {
        StoreEntry.read(dir).ifPresent(entries::add);
      }
    }
    return entries;
  }

  /** Whether a pool (here or in another process) holds a lease on the snapshot in {@code dir}. */
  public boolean inUse(Path dir) throws IOException {
    return SnapshotLease.isHeld(useFileOf(dir));
  }

  /**
   * Whether a lease on the snapshot in {@code dir} is held, found without creating or writing any
   * file: empty when that cannot be known so. A missing use file means no lease (a lease creates
   * it before it locks it). An existing one is probed as {@link #inUse} does when this process may
   * write it; else (a read-only mount, another user's file) it cannot be: leases are shared locks,
   * which another shared lock does not see, and the exclusive lock that would see them needs the
   * file opened for writing.
   */
  public Optional<Boolean> inUseIfKnown(Path dir) throws IOException {
    Path useFile = useFileOf(dir);
    if (!Files.exists(useFile)) {
      return Optional.of(false);
    }
    if (!Files.isWritable(useFile)) {
      return Optional.empty();
    }
    return Optional.of(SnapshotLease.isHeld(useFile));
  }

  /** What became of an attempt to remove one snapshot. */
  public enum Removal {
    REMOVED, IN_USE, BEING_BUILT, GONE
  }

  /**
   * Removes the snapshot directory {@code dir} unless it is being built or rebuilt (its key's
   * build lock is held) or in use (a lease is held): neither waits. The directory is renamed away
   * first, so a lookup sees the whole snapshot or none.
   */
  public Removal remove(Path dir, String why) throws IOException {
    Optional<KeyLock> buildLock = KeyLock.tryAcquire(lockFileOf(dir));
    if (buildLock.isEmpty()) {
      return Removal.BEING_BUILT;
    }
    Path graveyard = root.resolve(DISCARDED + dir.getFileName() + "-" + System.nanoTime());
    boolean[] moved = {false};
    try {
      boolean unused = SnapshotLease.ifUnused(useFileOf(dir), () -> {
        try {
          Files.move(dir, graveyard, StandardCopyOption.ATOMIC_MOVE);
          moved[0] = true;
        } catch (NoSuchFileException gone) {
          // someone else removed it
        }
      });
      if (!unused) {
        return Removal.IN_USE;
      }
      verified.remove(dir);
    } finally {
      buildLock.get().close();
    }
    if (!moved[0]) {
      return Removal.GONE;
    }
    LOG.log(System.Logger.Level.INFO, () -> "removed snapshot " + dir + ": " + why);
    deleteRecursively(graveyard);
    return Removal.REMOVED;
  }

  /**
   * Hashes every file of the snapshot in {@code dir} against its manifest, whatever this store
   * remembers; never deletes anything.
   *
   * @return empty when intact, else what is wrong
   */
  public Optional<String> verifyFully(Path dir) throws IOException {
    SnapshotManifest manifest;
    try {
      manifest = SnapshotManifest.read(dir.resolve(SnapshotManifest.FILE_NAME));
    } catch (NoSuchFileException e) {
      return Optional.of("its manifest is missing (an interrupted build or a damaged directory)");
    } catch (RuntimeException e) {
      return Optional.of("its manifest is malformed: " + e.getMessage());
    }
    if (!dir.getFileName().toString().equals(manifest.key().directoryName())) {
      return Optional.of("its manifest is for another key (" + manifest.key().directoryName() + ")");
    }
    for (SnapshotManifest.FileEntry f : manifest.files()) {
      Path file = dir.resolve(f.name());
      Optional<FileStamp> stamp = FileStamp.of(file);
      if (stamp.isEmpty()) {
        return Optional.of(f.name() + " is missing");
      }
      if (stamp.get().size() != f.size()) {
        return Optional.of(f.name() + " is " + stamp.get().size() + " bytes, the manifest says " + f.size());
      }
      if (!Hashing.sha256Hex(file).equals(f.sha256())) {
        return Optional.of(f.name() + " does not match its SHA-256 in the manifest (corrupted)");
      }
    }
    return Optional.empty();
  }

  /** Moves {@code dir} out of the way atomically (readers never see half of it), then deletes it. */
  private void discard(Path dir, String reason) throws IOException {
    verified.remove(dir);
    LOG.log(System.Logger.Level.WARNING, reason);
    Path graveyard = root.resolve(DISCARDED + dir.getFileName() + "-" + System.nanoTime());
    try {
      Files.move(dir, graveyard, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return;
    }
    deleteRecursively(graveyard);
  }

  /** Deletes build and discard directories of this key left by a crashed process (we hold the lock). */
  private void removeLeftovers(SnapshotKey key) throws IOException {
    String name = key.directoryName();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root,
        p -> p.getFileName().toString().startsWith(BUILDING + name + "-")
            || p.getFileName().toString().startsWith(DISCARDED + name + "-"))) {
      for (Path leftover : entries) {
        deleteRecursively(leftover);
      }
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically; the snapshot root"
          + " must be one file system", e);
    }
  }

  private static void makePrivate(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY_MODE : FILE_MODE);
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException gone) {
      // already deleted
    }
  }

  @Override
  public String toString() {
    return "SnapshotStore[" + root + "]";
  }
}
