package dev.lifecycle.cli;

import dev.lifecycle.pool.SnapshotStoreAdmin;
import dev.lifecycle.pool.criu.CriuEngine;
import dev.lifecycle.pool.criu.CriuVersion;
import dev.lifecycle.pool.engine.EngineCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code lifecycle doctor}: checks, one line each with the fix, what memory snapshots need on this
 * machine: criu (found as the runtime finds it, its version, {@code criu check}), privileges, pid
 * namespaces, criu's kernel feature cache, userfaultfd, and the snapshot store (private, writable,
 * room for its budget).
 */
final class Doctor {

  /** What to run when criu is missing or unusable: the tool ships the install script. */
  static final String INSTALL = "as root, run `lifecycle install-criu`"
      + " (java -jar lifecycle-cli-<version>-all.jar install-criu),"
      + " or point LIFECYCLE_CRIU at a criu " + CriuVersion.MINIMUM + " or newer";

  /** Below this much free space not even one image of a typical service fits. */
  static final long ONE_IMAGE = 256L * 1024 * 1024;

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);

  private final Optional<Path> criu;
  private final Path store;
  private final long budget;
  private final HostFacts host;

  Doctor(Optional<Path> criu, Path store, long budget, HostFacts host) {
    this.criu = criu;
    this.store = store.toAbsolutePath().normalize();
    this.budget = budget;
    this.host = host;
  }

  /** Runs every check, prints a line each and a summary; 0 when none failed, else 1. */
  int run(PrintStream out) throws InterruptedException {
    List<Finding> findings = new ArrayList<>();
    CriuEngine engine = criu.map(CriuEngine::at).orElseGet(CriuEngine::fromEnvironment);
    Optional<Path> binary = checkCriu(engine, findings, out);
    checkCriuCheck(binary, findings, out);
    report(findings, out, privileges());
    report(findings, out, pidNamespaces());
    report(findings, out, engineVerdict(engine, binary.isPresent()));
    report(findings, out, kernelFeatureCache());
    report(findings, out, userfaultfd());
    for (Finding f : StoreChecks.of(store, budget)) {
      report(findings, out, f);
    }
    long failed = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
    long warned = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
    out.println();
    if (failed == 0) {
      out.println("lifecycle doctor: memory snapshots can work here"
          + (warned == 0 ? "." : " (" + warned + " warning" + (warned == 1 ? "" : "s") + ")."));
      return 0;
    }
    out.println("lifecycle doctor: " + failed + " check" + (failed == 1 ? "" : "s") + " failed: pools start"
        + " their containers cold here until " + (failed == 1 ? "it is" : "they are") + " fixed.");
    return 1;
  }

  private static void report(List<Finding> findings, PrintStream out, Finding f) {
    findings.add(f);
    out.println(f.line());
    out.flush();
  }

  /** The criu the runtime would use: where, and its version. Empty when there is none usable. */
  private Optional<Path> checkCriu(CriuEngine engine, List<Finding> findings, PrintStream out)
      throws InterruptedException {
    String check = "criu";
    Optional<Path> candidate = engine.candidate();
    if (candidate.isEmpty()) {
      String reason = engine.check() instanceof EngineCheck.Unavailable u ? u.reason() : "not found";
      report(findings, out, Finding.fail(check, beforeHint(reason), INSTALL));
      return Optional.empty();
    }
    Path path = candidate.get();
    String source = criu.isPresent() ? "given with --criu" : whereFrom(path);
    if (!Files.exists(path)) {
      report(findings, out, Finding.fail(check, path + " (" + source + ") does not exist", INSTALL));
      return Optional.empty();
    }
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      report(findings, out, Finding.fail(check, path + " (" + source + ") is not an executable file",
          "chmod +x it, or " + INSTALL));
      return Optional.empty();
    }
    Commands.Result version;
    try {
      version = Commands.run(List.of(path.toString(), "--version"), VERSION_TIMEOUT);
    } catch (IOException e) {
      report(findings, out, Finding.fail(check, path + " cannot be run: " + e.getMessage(), INSTALL));
      return Optional.empty();
    }
    Optional<CriuVersion> parsed = CriuVersion.parse(version.output());
    if (!version.succeeded() || parsed.isEmpty()) {
      report(findings, out, Finding.fail(check, "`" + path + " --version` reports no version (exit code "
          + version.exitCode() + "): " + version.lastLines(2), INSTALL));
      return Optional.empty();
    }
    if (!parsed.get().isAtLeast(CriuVersion.MINIMUM)) {
      report(findings, out, Finding.fail(check, path + " is criu " + parsed.get() + ", older than the "
          + CriuVersion.MINIMUM + " Lifecycle needs (older ones fail on kernels from 6.13 on)", INSTALL));
      return Optional.empty();
    }
    report(findings, out, Finding.ok(check, "criu " + parsed.get() + " at " + path + " (" + source + "); "
        + (CriuVersion.mapsPages(version.output())
            ? "restores map an image's pages instead of copying them"
            : "a stock build: restores copy every page of an image (the criu `lifecycle install-criu`"
                + " builds maps them, for faster restores and clones that share an image's memory)")
        + (CriuVersion.servesRestores(version.output())
            ? ", each a fork of one criu that serves them" : "")));
    return Optional.of(path);
  }

  private void checkCriuCheck(Optional<Path> binary, List<Finding> findings, PrintStream out)
      throws InterruptedException {
    String check = "criu check";
    if (binary.isEmpty()) {
      report(findings, out, Finding.skip(check, "not run: no usable criu (see above)"));
      return;
    }
    if (host.effectiveUid() != 0) {
      report(findings, out, Finding.skip(check, "not run: criu check needs root (see privileges)"));
      return;
    }
    Commands.Result result;
    try {
      result = Commands.run(List.of(binary.get().toString(), "check"), CHECK_TIMEOUT);
    } catch (IOException e) {
      report(findings, out, Finding.fail(check, binary.get() + " cannot be run: " + e.getMessage(), INSTALL));
      return;
    }
    if (result.succeeded()) {
      report(findings, out, Finding.ok(check, "passes (" + result.lastLines(1) + ")"));
    } else {
      report(findings, out, Finding.fail(check, "fails (exit code " + result.exitCode() + "): "
          + result.lastLines(3), "criu check must pass: a kernel built with CONFIG_CHECKPOINT_RESTORE,"
          + " criu " + CriuVersion.MINIMUM + "+ on kernels from 6.13 on (`lifecycle install-criu`), and"
          + " in a container CAP_SYS_ADMIN, CAP_SYS_PTRACE, CAP_CHECKPOINT_RESTORE with seccomp and"
          + " AppArmor unconfined"));
    }
  }

  /** The runtime's own verdict, as a pool would see it: the same locator, the same checks. */
  private static Finding engineVerdict(CriuEngine engine, boolean criuUsable) {
    String check = "snapshot engine";
    EngineCheck verdict = engine.check();
    if (verdict instanceof EngineCheck.Ready ready) {
      return Finding.ok(check, "pools checkpoint and restore with " + ready.identity());
    }
    if (!criuUsable) {
      return Finding.skip(check, "pools start containers cold: no usable criu (see above)");
    }
    String reason = ((EngineCheck.Unavailable) verdict).reason();
    return Finding.fail(check, "pools start containers cold: " + beforeHint(reason), "see the lines above");
  }

  private Finding privileges() {
    String check = "privileges";
    long uid = host.effectiveUid();
    if (uid != 0) {
      return Finding.fail(check, "running as uid " + (uid < 0 ? "unknown" : Long.toString(uid))
          + ": Lifecycle runs criu only as root", "run the supervisor (and this doctor) as root");
    }
    long caps = host.effectiveCapabilities();
    List<String> missing = new ArrayList<>();
    if ((caps & (1L << HostFacts.CAP_SYS_ADMIN)) == 0) {
      missing.add("CAP_SYS_ADMIN (criu, and the workers' pid namespaces)");
    }
    if ((caps & (1L << HostFacts.CAP_SYS_PTRACE)) == 0) {
      missing.add("CAP_SYS_PTRACE");
    }
    if (!missing.isEmpty()) {
      return Finding.fail(check, "root, but without " + String.join(", ", missing) + " (CapEff "
          + Long.toHexString(caps) + ")", "grant them (in Kubernetes: securityContext.capabilities.add:"
          + " SYS_ADMIN, SYS_PTRACE, CHECKPOINT_RESTORE)");
    }
    return Finding.ok(check, "root, with CAP_SYS_ADMIN, CAP_SYS_PTRACE"
        + ((caps & (1L << HostFacts.CAP_CHECKPOINT_RESTORE)) != 0 ? " and CAP_CHECKPOINT_RESTORE" : ""));
  }

  /** What the CRIU engine launches a worker under: {@code unshare --pid}, the JVM as pid 1. */
  private static Finding pidNamespaces() throws InterruptedException {
    String check = "pid namespaces";
    Commands.Result result;
    try {
      result = Commands.run(List.of("unshare", "--pid", "--", "/bin/sh", "-c",
          "/bin/sh -c 'echo $$' & wait $!"), VERSION_TIMEOUT);
    } catch (IOException e) {
      return Finding.fail(check, "unshare cannot be run: " + e.getMessage(),
          "install util-linux (it provides unshare), which starts each worker in its own pid namespace");
    }
    if (result.succeeded() && result.output().strip().equals("1")) {
      return Finding.ok(check, "a worker can run as pid 1 of a new pid namespace (unshare --pid)");
    }
    return Finding.fail(check, "`unshare --pid` failed (exit code " + result.exitCode() + "): "
        + result.lastLines(2), "allow new pid namespaces: root with CAP_SYS_ADMIN, and in a container a"
        + " seccomp/AppArmor profile that permits unshare(CLONE_NEWPID)");
  }

  private static Finding kernelFeatureCache() {
    String check = "criu's kernel cache";
    Path dir = Path.of(CriuEngine.KERNEL_FEATURE_CACHE);
    if (!Files.isDirectory(dir.getParent())) {
      return Finding.warn(check, "no " + dir.getParent() + ": criu probes the kernel on every run (some 30 ms)",
          "mount a tmpfs on /dev/shm");
    }
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Finding.ok(check, dir + " is made (root's, 0700) before the first criu run; a criu built by"
          + " `lifecycle install-criu` keeps criu.kdat there");
    }
    try {
      PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isDirectory() || !a.owner().getName().equals("root")
          || !PosixFilePermissions.toString(a.permissions()).equals("rwx------")) {
        return Finding.warn(check, dir + " is not a directory of root's with mode 0700 (owner "
            + a.owner().getName() + ", " + PosixFilePermissions.toString(a.permissions())
            + "): the runtime replaces it before running criu", "none needed; remove it to be sure: rm -rf " + dir);
      }
      boolean cached = Files.exists(dir.resolve("criu.kdat"));
      return Finding.ok(check, dir + " is root's, 0700" + (cached ? ", with criu.kdat"
          : "; no criu.kdat yet (a criu not built by `lifecycle install-criu` keeps it elsewhere)"));
    } catch (IOException e) {
      return Finding.warn(check, dir + " cannot be read: " + e.getMessage(), "rm -rf " + dir);
    }
  }

  private static Finding userfaultfd() {
    String check = "userfaultfd";
    Path knob = Path.of("/proc/sys/vm/unprivileged_userfaultfd");
    if (!Files.exists(knob)) {
      return Finding.warn(check, "this kernel has no userfaultfd: criu's lazy restores (--lazy-pages) are"
          + " not possible; Lifecycle's restores do not use them", "none needed");
    }
    String value;
    try {
      value = Files.readString(knob).strip();
    } catch (IOException e) {
      value = "?";
    }
    return Finding.ok(check, "available (vm.unprivileged_userfaultfd=" + value + "; root may use it either way)");
  }

  /** How the runtime would have found {@code path}, in its lookup order. */
  private static String whereFrom(Path path) {
    String property = System.getProperty("lifecycle.criu");
    if (property != null && !property.isBlank() && Path.of(property.strip()).equals(path)) {
      return "system property lifecycle.criu";
    }
    String env = System.getenv("LIFECYCLE_CRIU");
    if (env != null && !env.isBlank() && Path.of(env.strip()).equals(path)) {
      return "environment variable LIFECYCLE_CRIU";
    }
    if (path.toString().endsWith(".tools/criu/bin/criu")) {
      return "the project's .tools/criu";
    }
    if (path.toString().startsWith("/usr/local/lib/lifecycle/criu/")) {
      return "installed by lifecycle install-criu";
    }
    return "on PATH";
  }

  /** The runtime's reason without its own advice, which the fix column gives. */
  private static String beforeHint(String reason) {
    int hint = reason.indexOf("; install one as root");
    return hint < 0 ? reason : reason.substring(0, hint);
  }

  /** The bytes under {@code dir}; 0 when it does not exist. */
  static long sizeOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long defaultBudget() {
    return SnapshotStoreAdmin.defaultBudget();
  }
}
