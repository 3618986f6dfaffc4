package dev.lifecycle.runtime.internal.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real descriptors of this JVM, classified through /proc. */
class OpenResourceScannerTest {

  @TempDir Path tmp;

  private final OpenResourceScanner scanner = OpenResourceScanner.forCurrentJvm();

  @Test
  @SuppressWarnings("try") // resources are opened to be seen, not used
  void describesFilesAndTcpSocketsByPathAndAddress() throws Exception {
    Path data = tmp.resolve("data.bin");
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw");
        ServerSocket server = new ServerSocket(0);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      int port = server.getLocalPort();
      int clientPort = client.getLocalPort();

      List<OpenResource> unowned = scanner.unownedResources();

      assertThat(find(unowned, "file " + data)).hasValueSatisfying(
          r -> assertThat(r.kind()).isEqualTo(OpenResource.Kind.FILE));
      assertThat(find(unowned, "TCP *:" + port + " (listening)")).isPresent();
      assertThat(find(unowned, "TCP 127.0.0.1:" + clientPort + " -> 127.0.0.1:" + port + " (connected)"))
          .isPresent();
      assertThat(find(unowned, "TCP 127.0.0.1:" + port + " -> 127.0.0.1:" + clientPort + " (connected)"))
          .isPresent();
    }
  }

  @Test
  void describesUdpAndUnixDomainSockets() throws Exception {
    Path socketPath = tmp.resolve("s.sock");
    try (DatagramSocket udp = new DatagramSocket(0);
        ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      unix.bind(UnixDomainSocketAddress.of(socketPath));

      List<OpenResource> unowned = scanner.unownedResources();

      assertThat(find(unowned, "UDP *:" + udp.getLocalPort())).isPresent();
      assertThat(find(unowned, "Unix stream socket " + socketPath + " (listening)")).isPresent();
    }
  }

  @Test
  @SuppressWarnings("try") // resources are opened to be seen, not used
  void aUnixSocketWhosePeerClosedIsRestorableAsIsButAConnectedOneIsNot() throws Exception {
    Path socketPath = tmp.resolve("c.sock");
    String peerClosed = "Unix stream socket (unnamed, peer closed)";
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socketPath));
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
        SocketChannel accepted = server.accept();
        long before = count(scanner.openResources(), peerClosed);
        assertThat(find(scanner.unownedResources(), "Unix stream socket (unnamed, connected)")).isPresent();

        accepted.close();

        // Like the JDK's own NIO socketpair, which every JVM using NIO holds.
        assertThat(count(scanner.openResources(), peerClosed)).isEqualTo(before + 1);
        assertThat(count(scanner.unownedResources(), peerClosed)).isZero();
      }
    }
  }

  @Test
  @SuppressWarnings("try") // resources are opened to be seen, not used
  void aPipeWithBothEndsInThisProcessIsTheJvmsOwnButListed() throws Exception {
    Pipe pipe = Pipe.open();
    try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
      List<OpenResource> all = scanner.openResources();
      List<OpenResource> pipes = all.stream()
          .filter(r -> r.kind() == OpenResource.Kind.PIPE)
          .toList();
      assertThat(pipes).extracting(OpenResource::description)
          .anySatisfy(d -> assertThat(d).matches("pipe:\\[\\d+] \\(read end\\)"))
          .anySatisfy(d -> assertThat(d).matches("pipe:\\[\\d+] \\(write end\\)"));
      String inode = pipes.stream().filter(r -> r.description().endsWith("(read end)"))
          .map(OpenResource::target).filter(t -> pipes.stream()
              .anyMatch(w -> w.target().equals(t) && w.description().endsWith("(write end)")))
          .findFirst().orElseThrow();

      assertThat(scanner.unownedResources()).extracting(OpenResource::target).doesNotContain(inode);
    }
  }

  @Test
  void theJvmsOwnFilesAndStandardStreamsAreNotReported() {
    List<OpenResource> all = scanner.openResources();
    List<OpenResource> unowned = scanner.unownedResources();

    // The JDK's module image is open in every JVM, and is the JVM's own.
    assertThat(all).anySatisfy(r -> assertThat(r.target()).endsWith("/lib/modules"));
    assertThat(unowned).noneSatisfy(r -> assertThat(r.target()).endsWith("/lib/modules"));
    assertThat(unowned).noneSatisfy(r -> assertThat(r.fd()).isBetween(0, 2));
    assertThat(unowned).noneSatisfy(r -> assertThat(r.target()).isEqualTo("/dev/null"));
  }

  @Test
  @SuppressWarnings("try") // resources are opened to be seen, not used
  void allowingAPathAllowsFilesUnderIt() throws Exception {
    Path data = tmp.resolve("allowed.bin");
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
      assertThat(find(scanner.unownedResources(), "file " + data)).isPresent();
      assertThat(find(scanner.allowing(List.of(tmp)).unownedResources(), "file " + data)).isEmpty();
    }
  }

  @Test
  void ipv6AddressesAreReadFromTheKernelsWordOrder() throws Exception {
    assertThat(SocketTable.endpoint("0100007F:1F90")).isEqualTo("127.0.0.1:8080");
    assertThat(SocketTable.endpoint("00000000:0050")).isEqualTo("*:80");
    assertThat(SocketTable.endpoint("00000000000000000000000001000000:1538")).isEqualTo("[::1]:5432");
    // An IPv4-mapped address, as a dual-stack Java socket shows up in tcp6.
    assertThat(SocketTable.endpoint("0000000000000000FFFF00000100007F:1538")).isEqualTo("127.0.0.1:5432");
    assertThat(SocketTable.endpoint("B80D0120000000000000000001000000:0016")).isEqualTo("[2001:db8::1]:22");
  }

  private static long count(List<OpenResource> resources, String description) {
    return resources.stream().filter(r -> r.description().equals(description)).count();
  }

  private static Optional<OpenResource> find(List<OpenResource> resources, String description) {
    return resources.stream().filter(r -> r.description().equals(description)).findFirst();
  }
}
