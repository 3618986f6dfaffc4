package dev.lifecycle.pool.criu;

import dev.lifecycle.pool.engine.CheckpointPolicy;
import dev.lifecycle.pool.engine.EngineCheck;
import dev.lifecycle.pool.engine.RestoreRequest;
import dev.lifecycle.pool.engine.SnapshotEngine;
import dev.lifecycle.pool.engine.SnapshotEngineException;
import dev.lifecycle.pool.engine.WorkerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pool's default snapshot engine: CRIU 4.1 or newer, run as root (see docs/criu-notes.md).
 *
 * <ul>
 *   <li><b>check</b>: finds criu (the configured binary, else a project's {@code .tools/criu},
 *       else the machine-wide install of {@code lifecycle install-criu}, else {@code PATH}), checks
 *       its version, root and {@code criu check};
 *       its identity is {@code criu <version>}.
 *   <li><b>launch</b>: a worker that may be checkpointed starts as the first process of a pid
 *       namespace of its own (under {@code unshare --pid}), so that any number of clones of its
 *       image run at once.
 *   <li><b>checkpoint</b>: {@code criu dump --leave-running}, after writing down the criu keys of
 *       the worker's standard input, output and error next to the image ({@link WorkerIo}).
 *   <li><b>restore</b>: {@code criu restore -d}, the clone's standard input and output replaced
 *       with the request's files through {@code --inherit-fd} and the keys stored with the image.
 *       With a criu built by {@code lifecycle install-criu}, the image's pages are mapped into the
 *       clone, copy on write, instead of copied ({@link #copyingPages()} says why and how not to).
 * </ul>
 */
public final class CriuEngine implements SnapshotEngine {

  private final Optional<Path> executable;
  private final boolean keepRestoreLogs;
  private final boolean mapPages;
  private volatile CriuAvailability located;

  private CriuEngine(Optional<Path> executable, boolean keepRestoreLogs, boolean mapPages) {
    this.executable = executable;
    this.keepRestoreLogs = keepRestoreLogs;
    this.mapPages = mapPages;
  }

  /**
   * criu found where Lifecycle looks for it: the system property {@code lifecycle.criu}, the
   * environment variable {@code LIFECYCLE_CRIU}, a project-local {@code .tools/criu/bin/criu} (in
   * the working directory or a parent), the machine-wide install of {@code lifecycle install-criu}
   * ({@code /usr/local/lib/lifecycle/criu/bin/criu}), then {@code PATH}. {@code lifecycle doctor}
   * says which it finds and what is wrong with it.
   */
  public static CriuEngine fromEnvironment() {
    return new CriuEngine(Optional.empty(), false, true);
  }

  /**
   * This criu binary and no other: when it is missing or does not work, the pool starts its
   * containers cold and says why.
   */
  public static CriuEngine at(Path executable) {
    return new CriuEngine(Optional.of(Objects.requireNonNull(executable, "executable")), false,
        true);
  }

  /**
   * This engine, keeping the files of every restore that worked, to see where a restore's time
   * goes: criu's log at {@code -v4} (each line with its time since criu started) as {@code
   * restore.log} and criu's {@code stats-restore}, in {@code <container id>.restore} next to the
   * container's log ({@link dev.lifecycle.pool.ContainerInfo#logFile()}; give the pool a {@code
   * workDirectory} to keep them after it closes). They quote the process's memory map: only this
   * user reads them.
   */
  public CriuEngine keepingRestoreLogs() {
    return new CriuEngine(executable, true, mapPages);
  }

  /**
   * This engine, copying an image's pages into every clone as a stock criu does, instead of
   * mapping them.
   *
   * <p>By default, with a criu that {@code lifecycle install-criu} built, a restore maps the
   * image's pages into the clone privately (copy on write): it shares the page cache's copy until
   * it writes a page, so a restore takes about as long for a large image as for a small one and
   * clones of one image share its memory. The one difference a program could see: after {@code
   * madvise(MADV_DONTNEED)} such a page reads as the image had it, not as zeros. Neither the JVM
   * nor glibc's {@code malloc} relies on zeros there (and the restore keeps glibc's large blocks
   * from being grown over the image's file by {@code mremap}); a native allocator of the service's
   * own that relies on zeros (jemalloc does) or grows its blocks with {@code mremap} needs this
   * option. A stock criu always copies.
   */
  public CriuEngine copyingPages() {
    return new CriuEngine(executable, keepRestoreLogs, false);
  }

  /** Whether this engine's restores map the image's pages: asked for and the criu can. */
  public boolean mapsPages() {
    return mapPages && locate() instanceof Criu criu && criu.mapsPages();
  }

  @Override
  public String name() {
    return "criu";
  }

  @Override
  public EngineCheck check() {
    CriuAvailability availability = locate();
    if (availability instanceof Criu criu) {
      return new EngineCheck.Ready("criu " + criu.version());
    }
    return new EngineCheck.Unavailable(((CriuAvailability.Unavailable) availability).reason());
  }

  @Override
  public List<String> launchPrefix() {
    return LAUNCH_PREFIX;
  }

  /**
   * A pid namespace whose first process, pid 1, is the JVM. Not {@code unshare --fork}, which
   * would wait for the JVM itself: util-linux 2.38's turns a JVM killed by SIGKILL into "exit
   * status 1". Without {@code --fork}, unshare becomes a shell in this namespace, and the shell's
   * first child, the JVM, starts the new one. The shell waits for it and exits with its status
   * (128 + n for signal n); it hands the JVM its own stdin through fd 3, as a background job would
   * otherwise read /dev/null.
   */
  private static final List<String> LAUNCH_PREFIX = List.of(
      "unshare", "--pid", "--", "/bin/sh", "-c",
      "exec 3<&0; \"$@\" <&3 3<&- & exec 3<&-; wait \"$!\"", "lifecycle-worker");

  @Override
  public CheckpointPolicy checkpointPolicy() {
    // criu could dump open files and sockets, but a clone would find them changed or taken.
    return CheckpointPolicy.REFUSE_UNOWNED_RESOURCES;
  }

  @Override
  public void checkpoint(long pid, Path imageDirectory) throws SnapshotEngineException {
    Criu criu = criu();
    try {
      // Before the dump, while the descriptors are surely the worker's own.
      WorkerIo io = WorkerIo.of(pid);
      criu.dump(pid, imageDirectory, DumpOptions.defaults().withLeaveRunning(true));
      io.writeTo(imageDirectory);
    } catch (CriuException e) {
      throw new SnapshotEngineException(withKeptLog(e), e);
    } catch (IOException e) {
      throw new SnapshotEngineException(e.getMessage(), e);
    }
    try {
      MallocBlockIndex.writeTo(imageDirectory);
    } catch (IOException e) {
      throw new SnapshotEngineException("The checkpoint in " + imageDirectory + " was taken, but the"
          + " list of its pages that start a block of glibc's malloc could not be written (" + e
          + "): the image is not kept. Check that the directory is writable and has room.", e);
    }
  }

  /**
   * The failure's message, its log moved out of the image directory first: the store deletes
   * that directory when a checkpoint fails, and the message would point at nothing.
   */
  private static String withKeptLog(CriuException e) {
    Optional<Path> log = e.logFile().filter(Files::isRegularFile);
    if (log.isEmpty()) {
      return e.getMessage();
    }
    try {
      // The log can quote the process's memory maps and files: only this user reads it.
      Path kept = Files.createTempFile("lifecycle-criu-dump-", ".log",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (var in = Files.newInputStream(log.get());
          var out = Files.newOutputStream(kept, StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(out);
      }
      return e.getMessage().replace(log.get().toString(), kept.toString());
    } catch (IOException | RuntimeException notKept) {
      return e.getMessage();
    }
  }

  @Override
  public WorkerProcess restore(Path imageDirectory, RestoreRequest request)
      throws SnapshotEngineException {
    Criu criu = criu();
    try {
      WorkerIo io = WorkerIo.readFrom(imageDirectory);
      long pid = criu.restore(imageDirectory, RestoreOptions.defaults()
          .withInheritedFds(io.forClone(request.standardInput(), request.log()))
          .withWorkDirectory(request.workDirectory())
          .withKeepWorkDirectory(keepRestoreLogs)
          .withMapPages(mapPages));
      return RestoredWorkerProcess.of(pid);
    } catch (CriuException | IOException e) {
      throw new SnapshotEngineException(e.getMessage(), e);
    }
  }

  /**
   * The criu binary this engine tries, found as {@link #check()} finds it but not checked: the
   * configured one (whether or not it exists), else the first one found; empty when there is
   * none. For diagnostics, such as {@code lifecycle doctor}'s.
   */
  public Optional<Path> candidate() {
    return executable.or(() -> CriuLocator.fromEnvironment().candidate());
  }

  /**
   * Where the criu that Lifecycle's install builds keeps its cache of the kernel's features (a
   * directory root's alone, on a tmpfs), prepared before every criu run.
   */
  public static final String KERNEL_FEATURE_CACHE = KernelFeatureCache.PATH;

  /** The criu binary this engine uses; empty when {@link #check()} finds none that works. */
  public Optional<Path> executable() {
    return locate() instanceof Criu criu ? Optional.of(criu.executable()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "CriuEngine(" + executable.map(Path::toString).orElse("found in the environment") + ")";
  }

  private CriuAvailability locate() {
    CriuAvailability result = located;
    if (result == null) {
      // The locator caches per binary, so racing first calls cost one criu check at most.
      result = executable
          .map(p -> CriuLocator.builder().explicitPath(p).build())
          .orElseGet(CriuLocator::fromEnvironment)
          .locate();
      located = result;
    }
    return result;
  }

  private Criu criu() throws SnapshotEngineException {
    if (locate() instanceof Criu criu) {
      return criu;
    }
    throw new SnapshotEngineException("criu is not available: "
        + ((CriuAvailability.Unavailable) locate()).reason());
  }
}
