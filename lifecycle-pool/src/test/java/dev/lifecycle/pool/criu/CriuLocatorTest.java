package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the locator looks and how it explains a missing or unusable criu. Stand-in scripts play a
 * criu that is too old, fails its check, or works; the real criu proves the project-local lookup.
 */
class CriuLocatorTest {

  @TempDir Path tmp;

  @Test
  void aConfiguredPathThatDoesNotExistIsTheReasonAndNothingElseIsTried() {
    Path missing = tmp.resolve("no/such/criu");

    CriuAvailability result = CriuLocator.builder().explicitPath(missing)
        .searchPath(RequiredCriu.get().executable().getParent().toString()) // a working one, ignored
        .build().locate();

    assertThat(reason(result))
        .isEqualTo("criu not found at " + missing + " (configured by explicit configuration);"
            + " " + CriuLocator.INSTALL_HINT + " or fix the path");
  }

  @Test
  void theSystemPropertyConfiguresTheLocator() {
    Path missing = tmp.resolve("criu-from-property");
    System.setProperty(CriuLocator.PROPERTY, missing.toString());
    try {
      assertThat(reason(CriuLocator.fromEnvironment().locate()))
          .startsWith("criu not found at " + missing + " (configured by system property lifecycle.criu)");
    } finally {
      System.clearProperty(CriuLocator.PROPERTY);
    }
  }

  @Test
  void anOldCriuIsRefusedWithItsVersionAndTheNeededOne() throws Exception {
    Path old = fakeCriu("old", "3.17.1", 0, "");

    assertThat(reason(CriuLocator.builder().explicitPath(old).build().locate()))
        .isEqualTo("criu at " + old.toRealPath() + " is version 3.17.1, too old: Lifecycle needs 4.1 or"
            + " newer (older releases fail on kernels from 6.13 on with \"Unexpected rt vDSO area"
            + " bounds\"); install one as root with `lifecycle install-criu` (java -jar lifecycle-cli-<version>-all.jar"
            + " install-criu); `lifecycle doctor` checks the set-up");
  }

  @Test
  void aFailingCheckIsQuoted() throws Exception {
    Path broken = fakeCriu("broken", "4.1.1", 1,
        "echo \"Error (criu/util.c:1533): rlimit: Can't setup RLIMIT_NOFILE for self\" >&2\n"
            + "echo \"Error (criu/vdso.c:333): vdso: Unexpected rt vDSO area bounds\" >&2\n"
            + "echo \"Error (criu/cr-check.c:1711): check failed\" >&2\n");

    assertThat(reason(CriuLocator.builder().explicitPath(broken).build().locate()))
        .isEqualTo("`criu check` failed for " + broken.toRealPath() + " (version 4.1.1), so this kernel"
            + " or machine cannot checkpoint: \"Error (criu/vdso.c:333): vdso: Unexpected rt vDSO"
            + " area bounds\" / \"Error (criu/cr-check.c:1711): check failed\"");
  }

  @Test
  void withoutRootTheReasonSaysSo() throws Exception {
    Path fine = fakeCriu("fine", "4.1.1", 0, "");

    assertThat(reason(CriuLocator.builder().explicitPath(fine).effectiveUid(() -> 1000).build().locate()))
        .isEqualTo("criu needs root to checkpoint and restore processes, but this JVM runs as uid 1000;"
            + " run the supervisor as root");
  }

  @Test
  void nothingAnywhereNamesEveryPlaceLookedAt() {
    Path project = tmp.resolve("project");

    Path machineWide = tmp.resolve("usr/local/lib/lifecycle/criu/bin/criu");

    assertThat(reason(CriuLocator.builder().ignoringConfiguration().projectDirectory(project)
        .machineWide(machineWide).searchPath("").build().locate()))
        .isEqualTo("criu not found: lifecycle.criu and LIFECYCLE_CRIU are not set, there is no"
            + " .tools/criu/bin/criu in " + project + ", no " + machineWide + ", and no criu on PATH;"
            + " install one as root with `lifecycle install-criu` (java -jar lifecycle-cli-<version>-all.jar"
            + " install-criu); `lifecycle doctor` checks the set-up, or set -Dlifecycle.criu=/path/to/criu");
  }

  @Test
  void theProjectLocalCriuIsFoundByWalkingUpFromTheWorkingDirectoryAndChecked() throws Exception {
    Criu real = RequiredCriu.get();
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve(".tools/criu/bin"));
    Path local = Files.copy(real.executable(), project.resolve(CriuLocator.PROJECT_LOCAL));
    Path deep = Files.createDirectories(project.resolve("module/src/main"));

    CriuAvailability result = CriuLocator.builder().ignoringConfiguration().workingDirectory(deep).searchPath("").build().locate();

    assertThat(result).isInstanceOf(Criu.class);
    assertThat(((Criu) result).version().isAtLeast(CriuVersion.MINIMUM)).isTrue();
    assertThat(((Criu) result).executable()).isEqualTo(local.toRealPath());
  }

  @Test
  void theProjectLocalCriuComesBeforePath() throws Exception {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve(".tools/criu/bin"));
    Path local = fakeCriuAt(project.resolve(CriuLocator.PROJECT_LOCAL), "4.1.1", 0, "");
    Path onPath = fakeCriuAt(Files.createDirectories(tmp.resolve("bin")).resolve("criu"), "4.2", 0, "");

    Criu found = (Criu) CriuLocator.builder().ignoringConfiguration().projectDirectory(project).searchPath(onPath.getParent().toString())
        .effectiveUid(() -> 0).build().locate();
    assertThat(found.executable()).isEqualTo(local.toRealPath());

    Criu fromPath = (Criu) CriuLocator.builder().ignoringConfiguration().projectDirectory(tmp.resolve("elsewhere"))
        .searchPath("/nonexistent:" + onPath.getParent()).effectiveUid(() -> 0).build().locate();
    assertThat(fromPath.executable()).isEqualTo(onPath.toRealPath());
    assertThat(fromPath.version()).isEqualTo(new CriuVersion(4, 2, 0));
  }

  @Test
  void theMachineWideInstallComesAfterTheProjectsAndBeforePath() throws Exception {
    Path machineWide = fakeCriuAt(Files.createDirectories(tmp.resolve("lib/lifecycle/criu/bin")).resolve("criu"),
        "4.1.1", 0, "");
    Path onPath = fakeCriuAt(Files.createDirectories(tmp.resolve("bin")).resolve("criu"), "4.2", 0, "");
    CriuLocator locator = CriuLocator.builder().ignoringConfiguration().projectDirectory(tmp.resolve("elsewhere"))
        .machineWide(machineWide).searchPath(onPath.getParent().toString()).effectiveUid(() -> 0).build();

    assertThat(((Criu) locator.locate()).executable()).isEqualTo(machineWide.toRealPath());
    assertThat(locator.candidate()).contains(machineWide);
  }

  @Test
  void theCandidateIsTheConfiguredPathEvenWhenItDoesNotExist() {
    Path missing = tmp.resolve("no/such/criu");

    assertThat(CriuLocator.builder().explicitPath(missing).build().candidate()).contains(missing);
    assertThat(CriuLocator.builder().ignoringConfiguration().projectDirectory(tmp).machineWide(missing)
        .searchPath("").build().candidate()).isEmpty();
  }

  @Test
  void versionAndCheckRunOncePerBinary() throws Exception {
    Path calls = tmp.resolve("calls.txt");
    Path counted = fakeCriu("counted", "4.1.1", 0, "");
    Files.writeString(counted, Files.readString(counted).replace("#!/bin/sh\n",
        "#!/bin/sh\necho \"$1\" >> " + calls + "\n"));

    CriuAvailability first = CriuLocator.builder().explicitPath(counted).effectiveUid(() -> 0).build().locate();
    CriuAvailability second = CriuLocator.builder().explicitPath(counted).effectiveUid(() -> 0).build().locate();

    assertThat(second).isSameAs(first);
    assertThat(Files.readAllLines(calls)).containsExactly("--version", "check");
  }

  private static String reason(CriuAvailability availability) {
    assertThat(availability).isInstanceOf(CriuAvailability.Unavailable.class);
    return ((CriuAvailability.Unavailable) availability).reason();
  }

  /** A stand-in criu: prints {@code version}; {@code check} runs {@code checkBody}, exits {@code checkExit}. */
  private Path fakeCriu(String name, String version, int checkExit, String checkBody) throws Exception {
    return fakeCriuAt(Files.createDirectories(tmp.resolve(name)).resolve("criu"), version, checkExit, checkBody);
  }

  private static Path fakeCriuAt(Path p, String version, int checkExit, String checkBody) throws Exception {
    Files.writeString(p, "#!/bin/sh\n"
        + "if [ \"$1\" = \"--version\" ]; then echo \"Version: " + version + "\"; exit 0; fi\n"
        + "if [ \"$1\" = \"check\" ]; then\n" + checkBody + "exit " + checkExit + "\nfi\n"
        + "exit 2\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
