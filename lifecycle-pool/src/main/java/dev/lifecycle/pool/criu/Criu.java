package dev.lifecycle.pool.criu;

import dev.lifecycle.pool.internal.FileTrees;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A working criu (found and checked by {@link CriuLocator}) and the two things Lifecycle does with
 * it: dump a process into an image directory, and restore that image as a new, detached process.
 *
 * <p>criu always runs from a {@link ProcessBuilder} with an argument list, never a shell string;
 * every run has a deadline, is reaped, and logs so that a failure can be explained (a dump at
 * {@code -v4}, a restore at {@code -v2} unless its log is kept): a {@link CriuException} quotes
 * the log lines that matter.
 *
 * <p>To restore the same image several times at once, the dumped process must be the first process
 * (pid 1) of its own pid namespace, e.g. started as {@code unshare --pid --fork setsid java ...}:
 * criu then gives every restore a new pid namespace, and the clones do not fight over pids.
 */
final class Criu implements CriuAvailability {

  /** The dump's log, inside the image directory. */
  public static final String DUMP_LOG = "dump.log";

  /** Written by every dump; its absence means the directory holds no image. */
  static final String INVENTORY = "inventory.img";

  static final String RESTORE_LOG = "restore.log";
  static final String RESTORE_PID_FILE = "restore.pid";
  static final String RESTORE_STDERR = "criu-stderr.txt";

  private static final System.Logger LOG = System.getLogger(Criu.class.getName());

  /**
   * The environment variable that asks a criu built by {@code lifecycle install-criu} to map the
   * image's pages on restore instead of reading them; a stock criu ignores it.
   */
  static final String MAP_PAGES_VARIABLE = "LIFECYCLE_CRIU_MAP_PAGES";

  private final Path executable;
  private final CriuVersion version;
  private final boolean mapsPages;
  /** Restores run as forks of a {@link RestoreServer} instead of criu processes of their own. */
  private final boolean servesRestores;

  Criu(Path executable, CriuVersion version, boolean mapsPages, boolean servesRestores) {
    this.executable = Objects.requireNonNull(executable, "executable");
    this.version = Objects.requireNonNull(version, "version");
    this.mapsPages = mapsPages;
    this.servesRestores = servesRestores;
  }

  /** The criu binary. */
  public Path executable() {
    return executable;
  }

  /** Its release, at least {@link CriuVersion#MINIMUM}. */
  public CriuVersion version() {
    return version;
  }

  /** Whether this criu can map an image's pages on restore ({@link RestoreOptions#mapPages()}). */
  public boolean mapsPages() {
    return mapsPages;
  }

  /**
   * Whether this criu serves restores as forks of one running criu ({@link RestoreServer}), as the
   * criu that {@code lifecycle install-criu} builds does; otherwise each restore starts a criu.
   */
  public boolean servesRestores() {
    return servesRestores;
  }

  /**
   * Checkpoints process {@code pid} (and its children) into {@code imagesDir}.
   *
   * <p>The directory is created with mode 0700 when missing (an image holds the process memory,
   * secrets included) and must be empty otherwise. criu's log is {@value #DUMP_LOG} in it. Unless
   * {@link DumpOptions#leaveRunning()}, the process is gone when this returns.
   *
   * @throws CriuException when the process cannot be dumped; the message quotes criu's log
   */
  public void dump(long pid, Path imagesDir, DumpOptions options) throws CriuException {
    String what = "criu dump of process " + pid + " into " + imagesDir;
    ProcessState.requireDumpable(pid, options.shellJob(), what);
    Path dir = imagesDir.toAbsolutePath();
    prepareEmptyDirectory(dir, what);
    Path log = dir.resolve(DUMP_LOG);
    KernelFeatureCache.prepare();

    List<String> command = new ArrayList<>(List.of(
        executable.toString(), "dump", "-t", Long.toString(pid), "-D", dir.toString(),
        "-o", log.toString(), "-v4"));
    if (options.leaveRunning()) {
      command.add("--leave-running");
    }
    if (options.shellJob()) {
      command.add("--shell-job");
    }
    command.addAll(options.extraArguments());

    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectInput(Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true);
    CriuCommand.Finished run = CriuCommand.run(pb, options.timeout(), what, log);
    if (run.exitCode() != 0) {
      throw new CriuException(
          what + " failed (criu exit code " + run.exitCode() + "):" + CriuLog.quote(log, run.output()),
          log);
    }
    LOG.log(System.Logger.Level.DEBUG, () -> what + " took " + CriuCommand.format(run.took()));
  }

  /**
   * Restores the image in {@code imagesDir} as a new process tree, detached from criu ({@code -d}),
   * and returns the host pid of its root process.
   *
   * <p>The image directory is only read: the log and pid file go to the options' work directory,
   * which is deleted after a successful restore unless asked to keep it. A failed restore kills
   * whatever criu had started and throws; nothing of it keeps running.
   *
   * <p>The restored process is not a child of this JVM (criu exits right after the restore), so
   * stop it through its pid: {@code ProcessHandle.of(pid)}.
   *
   * @throws CriuException when the image cannot be restored; the message quotes criu's log
   */
  public long restore(Path imagesDir, RestoreOptions options) throws CriuException {
    Path images = imagesDir.toAbsolutePath();
    String what = "criu restore of " + images;
    if (!Files.isRegularFile(images.resolve(INVENTORY))) {
      throw new CriuException(
          what + " failed: " + images + " holds no criu image (" + INVENTORY + " is missing);"
              + " dump into it first", null);
    }
    Path work = workDirectory(options, what);
    Path log = work.resolve(RESTORE_LOG);
    Path pidFile = work.resolve(RESTORE_PID_FILE);
    Path stderrFile = work.resolve(RESTORE_STDERR);
    KernelFeatureCache.prepare();

    // A log kept to be read gets every step with its time (-v4); otherwise errors and warnings
    // (-v2), all that explains a failure: writing the rest cost each clone about a millisecond
    // of a core, 8 clones restored at once 93 -> 86 ms.
    String verbosity = options.keepWorkDirectory() ? "-v4" : "-v2";
    List<String> command = new ArrayList<>(List.of(
        executable.toString(), "restore", "-D", images.toString(), "-W", work.toString(), "-d",
        "--pidfile", pidFile.toString(), "-o", log.toString(), verbosity));
    if (options.shellJob()) {
      command.add("--shell-job");
    }
    // criu takes each replacement from one of its own fds; a ProcessBuilder sets only 0, 1 and 2.
    Redirect in = Redirect.from(new File("/dev/null"));
    Redirect out = Redirect.DISCARD;
    Redirect err = Redirect.to(stderrFile.toFile());
    int nextOutputFd = 1;
    for (InheritedFd inherited : options.inheritedFds()) {
      int fd;
      if (inherited.isInput()) {
        fd = 0;
        in = inherited.replacement();
      } else {
        fd = nextOutputFd++;
        if (fd == 1) {
          out = inherited.replacement();
        } else {
          err = inherited.replacement();
        }
      }
      command.add("--inherit-fd");
      command.add("fd[" + fd + "]:" + inherited.resourceKey());
    }
    command.addAll(options.extraArguments());

    // Said either way, so that a variable the supervisor was started with decides nothing.
    String mapPages = options.mapPages() && mapsPages ? "1" : "0";
    CriuCommand.Finished run;
    try {
      run = runRestore(command, in, out, err, mapPages, options.timeout(), what, log);
    } catch (CriuException e) {
      throw new CriuException(e.getMessage() + "\nWork directory kept: " + work, log, e);
    }
    if (run.exitCode() != 0) {
      throw new CriuException(
          what + " failed (criu exit code " + run.exitCode() + "):"
              + CriuLog.quote(log, readQuietly(stderrFile)) + "\nWork directory kept: " + work,
          log);
    }
    long pid = readPid(pidFile, what, log);
    LOG.log(System.Logger.Level.DEBUG,
        () -> what + " took " + CriuCommand.format(run.took()) + ", restored pid " + pid);
    if (!options.keepWorkDirectory()) {
      FileTrees.deleteQuietly(work);
    }
    return pid;
  }

  /** One criu restore: a fork of the restore server when this criu has one, else a criu started. */
  private CriuCommand.Finished runRestore(List<String> command, Redirect in, Redirect out,
      Redirect err, String mapPages, Duration timeout, String what, Path log)
      throws CriuException {
    if (servesRestores) {
      try {
        return RestoreServer.of(executable).run(command, in, out, err,
            MAP_PAGES_VARIABLE + "=" + mapPages, timeout, what, log);
      } catch (RestoreServer.Unavailable unavailable) {
        // Nothing of the restore ran: a criu of its own does it, only slower.
        LOG.log(System.Logger.Level.WARNING, "criu's restore server is not available ("
            + unavailable.getMessage() + "); starting a criu for this restore instead");
      }
    }
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectInput(in).redirectOutput(out).redirectError(err);
    pb.environment().put(MAP_PAGES_VARIABLE, mapPages);
    return CriuCommand.run(pb, timeout, what, log);
  }

  private static long readPid(Path pidFile, String what, Path log) throws CriuException {
    try {
      return Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
    } catch (IOException | NumberFormatException e) {
      throw new CriuException(
          what + ": criu reported success but its pid file " + pidFile + " is unreadable (" + e
              + "); the restored process cannot be tracked." + CriuLog.quote(log, ""),
          log, e);
    }
  }

  private static Path workDirectory(RestoreOptions options, String what) throws CriuException {
    try {
      if (options.workDirectory().isPresent()) {
        Path work = options.workDirectory().get().toAbsolutePath();
        Files.createDirectories(work);
        // criu creates the pid file with O_EXCL; a stale one from an earlier run would fail it.
        Files.deleteIfExists(work.resolve(RESTORE_PID_FILE));
        return work;
      }
      // Temporary directories are created with mode 0700.
      return Files.createTempDirectory("lifecycle-criu-restore-").toAbsolutePath();
    } catch (IOException e) {
      throw new CriuException(what + " failed: cannot prepare its work directory: " + e, null, e);
    }
  }

  private static void prepareEmptyDirectory(Path dir, String what) throws CriuException {
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new CriuException(
                what + " refused: " + dir + " is not empty; dump into a new directory so images of"
                    + " two dumps never mix", null);
          }
        }
      } else {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new CriuException(what + " failed: cannot prepare " + dir + ": " + e, null, e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public String toString() {
    return "criu " + version + " at " + executable + (mapsPages ? " (maps pages on restore)" : "")
        + (servesRestores ? " (serves restores)" : "");
  }
}
