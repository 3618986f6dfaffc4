package dev.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lifecycle.pool.criu.CriuEngine;
import dev.lifecycle.pool.engine.EngineCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifecycle doctor} against this machine's real set-up and deliberately broken ones: no
 * criu, a criu that fails {@code criu check}, one too old, and stores it cannot use. Real processes
 * throughout; the broken criu is a shell script that answers as criu does.
 */
class DoctorTest {

  @TempDir Path tmp;

  /** This machine's criu, found as the runtime finds it; fails (never skips) without one: CI installs it. */
  static Path realCriu() {
    CriuEngine engine = CriuEngine.fromEnvironment();
    if (engine.check() instanceof EngineCheck.Unavailable u) {
      return fail("This test needs a working CRIU (4.1 or newer, as root; `lifecycle install-criu`"
          + " installs it), but: " + u.reason());
    }
    return engine.executable().orElseThrow();
  }

  private Map<String, String> criuAt(Path criu) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFECYCLE_CRIU", criu.toString());
    return env;
  }

  @Test
  void theRealSetUpPasses() throws Exception {
    Path criu = realCriu();

    Cli.Run run = Cli.run(tmp, criuAt(criu), "doctor", "--store", tmp.resolve("store").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.line("criu")).startsWith("OK").contains("at " + criu).contains("environment variable LIFECYCLE_CRIU")
        .contains("restores map an image's pages")
        .contains("each a fork of one criu that serves them");
    assertThat(run.line("criu check")).startsWith("OK").contains("passes");
    assertThat(run.line("privileges")).startsWith("OK").contains("root");
    assertThat(run.line("pid namespaces")).startsWith("OK");
    assertThat(run.line("snapshot engine")).startsWith("OK").contains("criu 4.");
    assertThat(run.line("criu's kernel cache")).doesNotStartWith("FAIL");
    assertThat(run.line("userfaultfd")).doesNotStartWith("FAIL");
    assertThat(run.line("snapshot store")).startsWith("OK").contains("does not exist yet");
    assertThat(run.line("store free space")).doesNotStartWith("FAIL").contains("free");
    assertThat(run.out()).contains("memory snapshots can work here");
    assertThat(tmp.resolve("store")).doesNotExist(); // the doctor changes nothing
  }

  @Test
  void aMissingCriuFailsWithTheInstallCommand() throws Exception {
    Path missing = tmp.resolve("no/such/criu");

    Cli.Run run = Cli.run(tmp, criuAt(missing), "doctor", "--store", tmp.resolve("store").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.line("criu")).startsWith("FAIL")
        .contains(missing + " (environment variable LIFECYCLE_CRIU) does not exist")
        .contains("fix: as root, run `lifecycle install-criu` (java -jar lifecycle-cli-<version>-all.jar install-criu)");
    assertThat(run.line("criu check")).startsWith("SKIP");
    assertThat(run.out()).contains("1 check failed");
  }

  @Test
  void theCriuOptionOverridesTheEnvironment() throws Exception {
    Path missing = tmp.resolve("other/criu");

    Cli.Run run = Cli.run(tmp, criuAt(realCriu()), "doctor", "--criu", missing.toString(),
        "--store", tmp.resolve("store").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.line("criu")).startsWith("FAIL").contains(missing + " (given with --criu) does not exist");
  }

  @Test
  void aCriuThatFailsItsCheckIsQuotedAndThePoolsVerdictAgrees() throws Exception {
    Path broken = fakeCriu("4.1.1", 1,
        "echo 'Error (criu/vdso.c:333): vdso: Unexpected rt vDSO area bounds' >&2\n"
            + "echo 'Error (criu/cr-check.c:1711): check failed' >&2\n");

    Cli.Run run = Cli.run(tmp, criuAt(broken), "doctor", "--store", tmp.resolve("store").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.line("criu")).startsWith("OK").contains("criu 4.1.1 at " + broken)
        .contains("a stock build: restores copy every page");
    assertThat(run.line("criu check")).startsWith("FAIL")
        .contains("fails (exit code 1)")
        .contains("vdso: Unexpected rt vDSO area bounds")
        .contains("fix: criu check must pass");
    assertThat(run.line("snapshot engine")).startsWith("FAIL").contains("`criu check` failed for");
    assertThat(run.out()).contains("2 checks failed");
  }

  @Test
  void anOldCriuFailsWithTheVersionNeeded() throws Exception {
    Path old = fakeCriu("3.17.1", 0, "");

    Cli.Run run = Cli.run(tmp, criuAt(old), "doctor", "--store", tmp.resolve("store").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.line("criu")).startsWith("FAIL").contains("is criu 3.17.1, older than the 4.1 Lifecycle needs")
        .contains("lifecycle install-criu");
  }

  @Test
  void rootWithoutTheCapabilitiesCriuNeedsFailsAndSoDoPidNamespaces() throws Exception {
    // What a container runtime does to root: capabilities dropped from the bounding set.
    Cli.Run run = Cli.run(tmp, List.of("setpriv", "--bounding-set=-sys_admin,-sys_ptrace", "--"), criuAt(realCriu()),
        "doctor", "--store", tmp.resolve("store").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.line("privileges")).startsWith("FAIL")
        .contains("root, but without CAP_SYS_ADMIN (criu, and the workers' pid namespaces), CAP_SYS_PTRACE")
        .contains("fix: grant them");
    assertThat(run.line("pid namespaces")).startsWith("FAIL").contains("Operation not permitted")
        .contains("fix: allow new pid namespaces");
  }

  @Test
  void aStoreOnAReadOnlyFileSystemFails() throws Exception {
    Path mount = Files.createDirectories(tmp.resolve("ro"));
    Mounts.tmpfs(mount, "1m");
    try {
      Path existing = Files.createDirectory(mount.resolve("existing"));
      Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwx------"));
      Mounts.readOnly(mount);

      Cli.Run notCreatable = Cli.run(tmp, criuAt(realCriu()), "doctor", "--store", mount.resolve("new/store").toString());
      Cli.Run notWritable = Cli.run(tmp, criuAt(realCriu()), "doctor", "--store", existing.toString());

      assertThat(notCreatable.exitCode()).as(notCreatable.toString()).isEqualTo(1);
      assertThat(notCreatable.line("snapshot store")).startsWith("FAIL")
          .contains(mount.resolve("new/store") + " does not exist and cannot be created in " + mount
              + ": Read-only file system")
          .contains("fix: make it writable");
      assertThat(notWritable.exitCode()).as(notWritable.toString()).isEqualTo(1);
      assertThat(notWritable.line("snapshot store")).startsWith("FAIL")
          .contains(existing + " cannot be written: Read-only file system");
      assertThat(notWritable.line("criu check")).startsWith("OK"); // only the store is wrong
    } finally {
      Mounts.umount(mount);
    }
  }

  @Test
  void aFileWhereTheStoreShouldBeFails() throws Exception {
    Path file = Files.writeString(tmp.resolve("store"), "not a directory");

    Cli.Run run = Cli.run(tmp, criuAt(realCriu()), "doctor", "--store", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.line("snapshot store")).startsWith("FAIL").contains(file + " is a file, not a directory");
  }

  @Test
  void aStoreThatIsNotPrivateIsAWarningWithTheChmod() throws Exception {
    Path store = Files.createDirectory(tmp.resolve("store"));
    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));

    Cli.Run run = Cli.run(tmp, criuAt(realCriu()), "doctor", "--store", store.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.line("snapshot store")).startsWith("WARN").contains("mode rwxr-xr-x").contains("fix: chmod 700 " + store);
  }

  @Test
  void aBudgetLargerThanTheFreeSpaceIsAWarning() throws Exception {
    Cli.Run run = Cli.run(tmp, criuAt(realCriu()), "doctor", "--store", tmp.resolve("store").toString(),
        "--budget", "1000000g");

    assertThat(run.exitCode()).isZero();
    assertThat(run.line("store free space")).startsWith("WARN").contains("the disk fills up before the store reaches its budget");
  }

  @Test
  void aWrongOptionIsAUsageError() throws Exception {
    Cli.Run run = Cli.run(tmp, "doctor", "--stor", "x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lifecycle doctor: unknown option --stor (it knows --budget, --criu, --store)");
  }

  private Path fakeCriu(String version, int checkExit, String checkBody) throws IOException {
    Path p = Files.createDirectories(tmp.resolve("fake")).resolve("criu");
    Files.writeString(p, "#!/bin/sh\n"
        + "if [ \"$1\" = \"--version\" ]; then echo \"Version: " + version + "\"; exit 0; fi\n"
        + "if [ \"$1\" = \"check\" ]; then\n" + checkBody + "exit " + checkExit + "\nfi\n"
        + "exit 2\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
