package dev.lifecycle.pool.internal.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's connections over a real Unix socket: which one is its current one when the threads
 * that read them attach them in either order.
 */
class WorkerConnectionTest {

  @TempDir Path dir;

  private ServerSocketChannel server;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void listen() throws Exception {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
    server.close();
  }

  @Test
  void aLaterConnectionClosesAnEarlierOne() throws Exception {
    Pair first = connect();
    Pair second = connect();
    WorkerConnection connection = new WorkerConnection();

    assertThat(connection.attach(first.supervisorSide, 0)).isTrue();
    assertThat(connection.attach(second.supervisorSide, 1)).isTrue();

    assertThat(first.workerSide.receive()).isEmpty(); // closed by the supervisor
    assertThat(connection.send(new WireMessage.Stop("test"))).isTrue();
    assertThat(second.workerSide.receive()).containsInstanceOf(WireMessage.Stop.class);
  }

  @Test
  void anEarlierConnectionAttachedLastLeavesTheLaterOneCurrentAndOpen() throws Exception {
    Pair first = connect();
    Pair second = connect();
    WorkerConnection connection = new WorkerConnection();
    // The worker's second connection (its CheckpointReady, say) is waiting to be read.
    second.workerSide.send(new WireMessage.CheckpointReady());

    assertThat(connection.attach(second.supervisorSide, 1)).isTrue();
    assertThat(connection.attach(first.supervisorSide, 0)).isFalse();

    assertThat(second.supervisorSide.receive()).containsInstanceOf(WireMessage.CheckpointReady.class);
    assertThat(connection.send(new WireMessage.Stop("test"))).isTrue();
    assertThat(second.workerSide.receive()).containsInstanceOf(WireMessage.Stop.class);
    // The earlier one's end is not the worker's loss; the current one's is.
    assertThat(connection.ended(first.supervisorSide)).isFalse();
    assertThat(connection.ended(second.supervisorSide)).isTrue();
  }

  private record Pair(FrameChannel workerSide, FrameChannel supervisorSide) {}

  private Pair connect() throws Exception {
    SocketChannel worker = SocketChannel.open(server.getLocalAddress());
    SocketChannel supervisor = server.accept();
    Pair pair = new Pair(new FrameChannel(worker), new FrameChannel(supervisor));
    opened.add(pair.workerSide::closeQuietly);
    opened.add(pair.supervisorSide::closeQuietly);
    return pair;
  }
}
