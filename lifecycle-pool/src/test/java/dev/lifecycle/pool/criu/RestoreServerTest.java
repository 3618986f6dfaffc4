package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The criu that {@code lifecycle install-criu} builds, serving runs as forks of one {@code criu
 * lifecycle-restore-server}: real criu, real processes. The restores themselves go through it in
 * {@link CriuCloneTest}; here, what a run gets and what happens when it goes wrong.
 */
class RestoreServerTest {

  private static final Redirect NOWHERE = Redirect.from(new File("/dev/null"));

  @TempDir Path tmp;

  private static Criu criu;
  private static RestoreServer server;

  @BeforeAll
  static void server() {
    criu = RequiredCriu.get();
    server = RestoreServer.of(criu.executable());
  }

  @Test
  void theInstalledCriuServesRestores() {
    assertThat(criu.servesRestores()).as(criu.toString()).isTrue();
  }

  @Test
  void aRunGetsItsFilesItsVariableAndItsArgumentsAndReportsItsExitCode() throws Exception {
    Path out = tmp.resolve("out.txt");
    Files.writeString(out, "kept\n");

    CriuCommand.Finished run = server.run(List.of(criu.executable().toString(), "--version"),
        NOWHERE, Redirect.appendTo(out.toFile()), Redirect.to(tmp.resolve("err.txt").toFile()),
        "LIFECYCLE_TEST=1", Duration.ofSeconds(30), "criu --version", null);

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(out)).startsWith("kept\n").contains("Lifecycle: restore-server");
    assertThat(serverProcess()).isPresent();

    CriuCommand.Finished failed = server.run(
        List.of(criu.executable().toString(), "restore", "-D", tmp.resolve("none").toString()),
        NOWHERE, Redirect.DISCARD, Redirect.to(tmp.resolve("err2.txt").toFile()), "",
        Duration.ofSeconds(30), "criu restore of nothing", null);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(Files.readString(tmp.resolve("err2.txt"))).contains("Couldn't open image dir");
  }

  @Test
  void aServedRunFindsTheKernelsFeaturesDetectedByTheServer() throws Exception {
    // A restore of an empty image directory: criu logs its set-up at -v4, then fails.
    Path images = Files.createDirectories(tmp.resolve("images"));
    Files.write(images.resolve("inventory.img"), new byte[0]);
    Path servedLog = tmp.resolve("served.log");
    CriuCommand.Finished served = server.run(restoreOfNothing(images, servedLog), NOWHERE,
        Redirect.DISCARD, Redirect.DISCARD, "", Duration.ofSeconds(30), "criu restore of nothing",
        null);
    Path directLog = tmp.resolve("direct.log");
    Process direct = new ProcessBuilder(restoreOfNothing(images, directLog))
        .redirectInput(NOWHERE).redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD)
        .start();
    assertThat(direct.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(served.exitCode()).isEqualTo(1);
    assertThat(direct.exitValue()).isEqualTo(1);
    // A criu of its own reads the features from their cache, or detects them, every run ...
    assertThat(Files.readString(directLog))
        .containsAnyOf("Loaded kdat cache", "Found anon-shmem device");
    // ... a fork of the server has them already.
    assertThat(Files.readString(servedLog))
        .contains("Unexpected EOF")
        .doesNotContain("kdat cache")
        .doesNotContain("Found anon-shmem device");
  }

  private List<String> restoreOfNothing(Path images, Path log) {
    return List.of(criu.executable().toString(), "restore", "-D", images.toString(), "-W",
        tmp.toString(), "-o", log.toString(), "-v4");
  }

  @Test
  void aFileTheServerCannotOpenFailsTheRunWithItsName() {
    Path missing = tmp.resolve("no-such-state-file");

    assertThatThrownBy(() -> server.run(List.of(criu.executable().toString(), "--version"),
            Redirect.from(missing.toFile()), Redirect.DISCARD, Redirect.DISCARD, "",
            Duration.ofSeconds(30), "criu restore of x", null))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("Could not start criu restore of x: criu's restore server refused it:"
            + " cannot open " + missing + ": No such file or directory");
  }

  @Test
  void aFifoNobodyReadsFailsItsRunAtOnceInsteadOfHoldingUpTheServer() throws Exception {
    Path fifo = tmp.resolve("unread.fifo");
    assertThat(new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start().waitFor())
        .isZero();

    assertThatThrownBy(() -> server.run(List.of(criu.executable().toString(), "--version"),
            NOWHERE, Redirect.appendTo(fifo.toFile()), Redirect.DISCARD, "",
            Duration.ofSeconds(30), "criu restore of y", null))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("cannot open " + fifo + ": No such device or address");
    assertThat(versionRun().exitCode()).isZero();
  }

  @Test
  void aRunPastItsTimeoutIsKilledAndTheServerGoesOn() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // A page server waits for a connection that never comes: a real criu that does not finish.
    Path dir = Files.createDirectories(tmp.resolve("pages"));
    List<String> hangs = List.of(criu.executable().toString(), "page-server", "-D", dir.toString(),
        "--address", "127.0.0.1", "--port", Integer.toString(port));
    long start = System.nanoTime();

    assertThatThrownBy(() -> server.run(hangs, NOWHERE, Redirect.DISCARD, Redirect.DISCARD, "",
            Duration.ofSeconds(1), "criu page-server", null))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("criu page-server did not finish within 1.0 s; criu and its children"
            + " were killed");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(serverProcess().orElseThrow().children()
            .filter(child -> child.info().arguments().map(a -> List.of(a).contains("page-server"))
                .orElse(false)))
        .isEmpty();
    assertThat(versionRun().exitCode()).isZero();
  }

  @Test
  void aServerThatEndedIsReplacedByTheNextRun() throws Exception {
    versionRun();
    ProcessHandle first = serverProcess().orElseThrow();
    first.destroyForcibly();
    first.onExit().get(10, TimeUnit.SECONDS);

    assertThat(versionRun().exitCode()).isZero();
    assertThat(serverProcess()).hasValueSatisfying(
        second -> assertThat(second.pid()).isNotEqualTo(first.pid()));
  }

  @Test
  void aRequestIsItsLengthThenEachStringEndedByANul() {
    byte[] frame = RestoreServer.request("7", List.of("r/in", "a/log"), List.of("criu", "restore"));

    ByteBuffer head = ByteBuffer.wrap(frame, 0, 4).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(head.getInt()).isEqualTo(frame.length - 4);
    assertThat(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8))
        .isEqualTo("7\0r/in\0a/log\0criu\0restore\0");
    assertThatThrownBy(() -> RestoreServer.request("8", List.of(), List.of("a\0b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold a NUL");
    assertThat(RestoreServer.spec(Redirect.appendTo(new File("/x/log")))).isEqualTo("a/x/log");
    assertThat(RestoreServer.spec(Redirect.DISCARD)).isEqualTo("w/dev/null");
    assertThatThrownBy(() -> RestoreServer.spec(Redirect.PIPE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private CriuCommand.Finished versionRun() throws Exception {
    return server.run(List.of(criu.executable().toString(), "--version"), NOWHERE,
        Redirect.DISCARD, Redirect.DISCARD, "", Duration.ofSeconds(30), "criu --version", null);
  }

  /** This JVM's restore server: a child running {@code criu lifecycle-restore-server}. */
  private static Optional<ProcessHandle> serverProcess() {
    return ProcessHandle.current().children()
        .filter(ProcessHandle::isAlive)
        .filter(child -> child.info().arguments()
            .map(arguments -> List.of(arguments).contains(RestoreServer.COMMAND)).orElse(false))
        .findFirst();
  }
}
