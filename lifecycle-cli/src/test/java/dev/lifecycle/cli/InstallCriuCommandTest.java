package dev.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifecycle install-criu}: the script the jar ships is the repository's single copy, a
 * jar user can print it, and it runs from the jar (its lookup, which needs no download).
 */
class InstallCriuCommandTest {

  @TempDir Path tmp;

  private static final Path SOURCE = Path.of("src/main/resources/dev/lifecycle/cli/install-criu.sh");

  @Test
  void printWritesTheShippedScript() throws Exception {
    Cli.Run run = Cli.run(tmp, "install-criu", "--print");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(SOURCE)).startsWith("#!/usr/bin/env bash");
  }

  @Test
  void theRepositorysScriptRunsTheShippedOne() throws Exception {
    assertThat(Files.readString(Path.of("../scripts/install-criu.sh")))
        .contains("lifecycle-cli/src/main/resources/dev/lifecycle/cli/install-criu.sh")
        .contains("LIFECYCLE_CRIU_PREFIX=\"$REPO_DIR/.tools/criu\"");
  }

  @Test
  void printPathFindsTheConfiguredCriu() throws Exception {
    Path criu = DoctorTest.realCriu();
    Map<String, String> env = new HashMap<>();
    env.put("LIFECYCLE_CRIU", criu.toString());

    Cli.Run run = Cli.run(tmp, env, "install-criu", "--prefix", tmp.resolve("prefix").toString(), "--print-path");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().strip()).isEqualTo(criu.toString());
  }

  @Test
  void printPathWithoutAnyCriuExitsWith1() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LIFECYCLE_CRIU", null);
    env.put("PATH", "/usr/bin:/bin"); // criu, if any, is in sbin

    Cli.Run run = Cli.run(tmp, env, "install-criu", "--prefix", tmp.resolve("prefix").toString(), "--print-path");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aRelativePrefixIsRefused() throws Exception {
    Cli.Run run = Cli.run(tmp, "install-criu", "--prefix", "relative", "--print-path");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("install-criu: the prefix must be an absolute path, not relative");
  }
}
