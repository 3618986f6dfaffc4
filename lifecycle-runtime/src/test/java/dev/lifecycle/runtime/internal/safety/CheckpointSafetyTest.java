package dev.lifecycle.runtime.internal.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSafetyTest {

  @TempDir Path tmp;

  @Test
  @SuppressWarnings("try") // resources are opened to be seen, not used
  void namesEveryOffendingDescriptorAndWhereToOpenItInstead() throws Exception {
    Path data = tmp.resolve("model.bin");
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw");
        ServerSocket server = new ServerSocket(0);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      int port = server.getLocalPort();
      List<OpenResource> resources = OpenResourceScanner.forCurrentJvm().openResources();
      int fileFd = fdOf(resources, "file " + data);
      int serverFd = fdOf(resources, "TCP *:" + port + " (listening)");
      int clientFd = fdOf(resources,
          "TCP 127.0.0.1:" + client.getLocalPort() + " -> 127.0.0.1:" + port + " (connected)");

      assertThatThrownBy(CheckpointSafety::check)
          .isInstanceOf(UnsafeCheckpointException.class)
          .hasMessageStartingWith("Cannot take a memory snapshot: this process holds ")
          .hasMessageContaining("\n  - fd " + fileFd + ": file " + data + "\n")
          .hasMessageContaining("\n  - fd " + serverFd + ": TCP *:" + port + " (listening)\n")
          .hasMessageContaining("\n  - fd " + clientFd + ": TCP 127.0.0.1:" + client.getLocalPort()
              + " -> 127.0.0.1:" + port + " (connected)\n")
          .hasMessageEndingWith("Open them in a post-snapshot hook (@Enter without snap = true), which"
              + " runs in every restored container, instead of in an @Enter(snap = true) hook or a"
              + " constructor, and close them in an @Exit hook.")
          .satisfies(e -> assertThat(((UnsafeCheckpointException) e).offenders())
              .extracting(OpenResource::fd).contains(fileFd, serverFd, clientFd));
    }
  }

  @Test
  void aFreshJvmWithNothingOpenIsSafe() throws Exception {
    assertThat(probe()).isEqualTo("safe");
  }

  @Test
  void oneOffenderReadsAsOne() {
    UnsafeCheckpointException e = new UnsafeCheckpointException(
        List.of(new OpenResource(7, OpenResource.Kind.FILE, "/data/x", "file /data/x")));
    assertThat(e.getMessage())
        .contains("holds an open resource that")
        .contains("\n  - fd 7: file /data/x\n")
        .contains("Open it in a post-snapshot hook")
        .contains("close it in an @Exit hook");
  }

  private static int fdOf(List<OpenResource> resources, String description) {
    return resources.stream().filter(r -> r.description().equals(description))
        .mapToInt(OpenResource::fd).findFirst()
        .orElseThrow(() -> new AssertionError("no " + description + " in " + resources));
  }

  private static String probe() throws Exception {
    String classpath = location(SafetyProbe.class) + File.pathSeparator + location(CheckpointSafety.class);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-cp", classpath, SafetyProbe.class.getName())
        .redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return output;
    } finally {
      p.destroyForcibly();
    }
  }

  private static Path location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
