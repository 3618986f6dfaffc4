package dev.lifecycle.pool.criu;

import dev.lifecycle.pool.internal.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Finds a criu Lifecycle can rely on, or says in one sentence why there is none.
 *
 * <p>Where it looks, in this order:
 *
 * <ol>
 *   <li>configuration: an explicit path given to the builder, else the system property {@value
 *       #PROPERTY}, else the environment variable {@value #ENV}. A configured criu is the only one
 *       tried: pointing Lifecycle at a path that does not exist turns snapshots off with that
 *       reason, it does not silently pick another criu;
 *   <li>a project-local install (a clone of Lifecycle's repository installs one there): {@value
 *       #PROJECT_LOCAL} under the project directory, by default the first one found walking up
 *       from the working directory;
 *   <li>the machine-wide install of {@code lifecycle install-criu}: {@value #MACHINE_WIDE};
 *   <li>{@code criu} on {@code PATH}.
 * </ol>
 *
 * <p>A candidate is used only when {@code criu --version} reports {@link CriuVersion#MINIMUM} or
 * newer, this process runs as root, and {@code criu check} passes. The first candidate found
 * decides; when it fails, its failure is the reason. Results are cached per binary (real path and
 * modification time), so {@code criu check} runs once per binary and JVM.
 */
final class CriuLocator {

  /** System property naming the criu binary. */
  public static final String PROPERTY = "lifecycle.criu";

  /** Environment variable naming the criu binary, when the property is not set. */
  public static final String ENV = "LIFECYCLE_CRIU";

  /** Where a project-local criu is, relative to the project directory. */
  public static final String PROJECT_LOCAL = ".tools/criu/bin/criu";

  /** Where {@code lifecycle install-criu} puts criu by default. */
  public static final String MACHINE_WIDE = "/usr/local/lib/lifecycle/criu/bin/criu";

  /** What to do about a missing or unusable criu: the command-line tool, which jar users have. */
  static final String INSTALL_HINT = "install one as root with `lifecycle install-criu`"
      + " (java -jar lifecycle-cli-<version>-all.jar install-criu); `lifecycle doctor` checks the set-up";
  private static final int MAX_QUOTED_LINES = 10;
  private static final Map<CacheKey, CriuAvailability> CACHE = new ConcurrentHashMap<>();

  private final Optional<Path> configured;
  private final String configuredBy;
  private final Optional<Path> projectDirectory;
  private final Path machineWide;
  private final Path workingDirectory;
  private final String searchPath;
  private final Duration timeout;
  private final LongSupplier effectiveUid;

  private CriuLocator(Builder b) {
    this.configured = Optional.ofNullable(b.explicitPath);
    this.configuredBy = b.configuredBy;
    this.projectDirectory = Optional.ofNullable(b.projectDirectory);
    this.machineWide = b.machineWide;
    this.workingDirectory = b.workingDirectory;
    this.searchPath = b.searchPath;
    this.timeout = b.timeout;
    this.effectiveUid = b.effectiveUid;
  }

  /** A locator configured from {@value #PROPERTY}, {@value #ENV}, the working directory and PATH. */
  public static CriuLocator fromEnvironment() {
    return builder().build();
  }

  /** A locator to configure; unset parts come from the environment, as in {@link #fromEnvironment}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Finds and checks criu; never throws for a missing or broken criu, it reports it. */
  public CriuAvailability locate() {
    if (configured.isPresent()) {
      return verify(configured.get(), "configured by " + configuredBy);
    }
    List<Path> candidates = candidates();
    if (candidates.isEmpty()) {
      return new CriuAvailability.Unavailable(
          "criu not found: " + PROPERTY + " and " + ENV + " are not set, there is no " + PROJECT_LOCAL
              + " in " + projectDirectory.map(Path::toString).orElse(workingDirectory + " or its parents")
              + ", no " + machineWide + ", and no criu on PATH; " + INSTALL_HINT
              + ", or set -D" + PROPERTY + "=/path/to/criu");
    }
    CriuAvailability first = null;
    for (Path candidate : candidates) {
      CriuAvailability result = verify(candidate, "found");
      if (result.isAvailable()) {
        return result;
      }
      if (first == null) {
        first = result;
      }
    }
    return first;
  }

  /**
   * The criu {@link #locate} would try first, unchecked: the configured path (whether or not it
   * exists), else the first one found; empty when there is none anywhere.
   */
  public Optional<Path> candidate() {
    if (configured.isPresent()) {
      return configured;
    }
    return candidates().stream().findFirst();
  }

  private List<Path> candidates() {
    List<Path> candidates = new ArrayList<>();
    projectLocal().ifPresent(candidates::add);
    if (Files.isRegularFile(machineWide)) {
      candidates.add(machineWide);
    }
    onPath().ifPresent(candidates::add);
    return candidates;
  }

  private Optional<Path> projectLocal() {
    if (projectDirectory.isPresent()) {
      Path p = projectDirectory.get().resolve(PROJECT_LOCAL);
      return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(PROJECT_LOCAL);
      if (Files.exists(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private Optional<Path> onPath() {
    for (String entry : searchPath.split(":")) {
      if (entry.isEmpty()) {
        continue; // an empty entry means the working directory; criu is never meant to be found there
      }
      Path p = Path.of(entry, "criu");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private CriuAvailability verify(Path path, String how) {
    if (!Files.exists(path)) {
      return new CriuAvailability.Unavailable(
          "criu not found at " + path + " (" + how + "); " + INSTALL_HINT + " or fix the path");
    }
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      return new CriuAvailability.Unavailable(
          "criu at " + path + " (" + how + ") is not an executable file; " + INSTALL_HINT);
    }
    CacheKey key;
    try {
      key = new CacheKey(path.toRealPath(), Files.getLastModifiedTime(path));
    } catch (IOException e) {
      return new CriuAvailability.Unavailable("cannot read criu at " + path + ": " + e);
    }
    return CACHE.computeIfAbsent(key, k -> check(k.realPath()));
  }

  private CriuAvailability check(Path criu) {
    CriuCommand.Finished run;
    try {
      run = CriuCommand.runCapturing(List.of(criu.toString(), "--version"), timeout, criu + " --version");
    } catch (CriuException e) {
      return new CriuAvailability.Unavailable(e.getMessage());
    }
    Optional<CriuVersion> version = CriuVersion.parse(run.output());
    if (run.exitCode() != 0 || version.isEmpty()) {
      return new CriuAvailability.Unavailable(
          "`" + criu + " --version` did not report a version (exit code " + run.exitCode() + "): "
              + quote(run.output()) + "; " + INSTALL_HINT);
    }
    if (!version.get().isAtLeast(CriuVersion.MINIMUM)) {
      return new CriuAvailability.Unavailable(
          "criu at " + criu + " is version " + version.get() + ", too old: Lifecycle needs "
              + CriuVersion.MINIMUM + " or newer (older releases fail on kernels from 6.13 on with"
              + " \"Unexpected rt vDSO area bounds\"); " + INSTALL_HINT);
    }
    boolean mapsPages = CriuVersion.mapsPages(run.output());
    boolean servesRestores = CriuVersion.servesRestores(run.output());
    long uid = effectiveUid.getAsLong();
    if (uid != 0) {
      return new CriuAvailability.Unavailable(
          "criu needs root to checkpoint and restore processes, but this JVM runs as uid " + uid
              + "; run the supervisor as root");
    }
    try {
      run = CriuCommand.runCapturing(List.of(criu.toString(), "check"), timeout, criu + " check");
    } catch (CriuException e) {
      return new CriuAvailability.Unavailable(e.getMessage());
    }
    if (run.exitCode() != 0) {
      return new CriuAvailability.Unavailable(
          "`criu check` failed for " + criu + " (version " + version.get() + "), so this kernel or"
              + " machine cannot checkpoint: " + quote(run.output()));
    }
    return new Criu(criu, version.get(), mapsPages, servesRestores);
  }

  /** The last lines of criu's output, one line, for a reason that fits in a warning. */
  private static String quote(String output) {
    List<String> lines = output.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
        .filter(l -> !CriuLog.isHarmless(l)).collect(Collectors.toList());
    if (lines.isEmpty()) {
      return "(no output)";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - MAX_QUOTED_LINES), lines.size());
    return last.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(" / "));
  }

  /** Empties the per-binary cache; for tests that replace a binary in place. */
  static void clearCache() {
    CACHE.clear();
  }

  private record CacheKey(Path realPath, FileTime modified) {}

  /** Configures a {@link CriuLocator}. */
  public static final class Builder {
    private Path explicitPath;
    private String configuredBy;
    private Path projectDirectory;
    private Path machineWide = Path.of(MACHINE_WIDE);
    private Path workingDirectory = Path.of(System.getProperty("user.dir"));
    private String searchPath = Objects.requireNonNullElse(System.getenv("PATH"), "");
    private Duration timeout = Duration.ofSeconds(30);
    private LongSupplier effectiveUid = CriuLocator::effectiveUidFromProc;

    private Builder() {
      String property = System.getProperty(PROPERTY);
      String env = System.getenv(ENV);
      if (property != null && !property.isBlank()) {
        explicitPath = Path.of(property.strip());
        configuredBy = "system property " + PROPERTY;
      } else if (env != null && !env.isBlank()) {
        explicitPath = Path.of(env.strip());
        configuredBy = "environment variable " + ENV;
      }
    }

    /**
     * Ignores {@value #PROPERTY} and {@value #ENV}: the criu is looked for in the project and on
     * the search path only (for a caller, a test say, whose answer must not depend on them).
     */
    public Builder ignoringConfiguration() {
      this.explicitPath = null;
      this.configuredBy = null;
      return this;
    }

    /** Use this criu and no other (overrides {@value #PROPERTY} and {@value #ENV}). */
    public Builder explicitPath(Path path) {
      this.explicitPath = Objects.requireNonNull(path, "path");
      this.configuredBy = "explicit configuration";
      return this;
    }

    /** Look for {@value #PROJECT_LOCAL} in this directory only, instead of walking up. */
    public Builder projectDirectory(Path dir) {
      this.projectDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Where the machine-wide criu is; default {@value #MACHINE_WIDE}. */
    public Builder machineWide(Path path) {
      this.machineWide = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Where the walk up for {@value #PROJECT_LOCAL} starts; default: the working directory. */
    public Builder workingDirectory(Path dir) {
      this.workingDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** The {@code PATH} to search, colon-separated; default: this process's {@code PATH}. */
    public Builder searchPath(String path) {
      this.searchPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Deadline for each of {@code criu --version} and {@code criu check}; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    Builder effectiveUid(LongSupplier uid) {
      this.effectiveUid = uid;
      return this;
    }

    public CriuLocator build() {
      return new CriuLocator(this);
    }
  }

  /** The effective uid, from {@code /proc/self/status}: the JDK has no API for it. */
  static long effectiveUidFromProc() {
    // Real, effective, saved, filesystem uids. An unknown uid is treated as "not root", which
    // turns snapshots off.
    try {
      return ProcStatus.field("Uid").map(uids -> Long.parseLong(uids.split("\\s+")[1])).orElse(-1L);
    } catch (RuntimeException malformed) {
      return -1;
    }
  }
}
