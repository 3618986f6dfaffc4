package dev.lifecycle.pool.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lifecycle.pool.internal.protocol.WireMessage.RestoreState;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireMessageTest {

  @TempDir Path dir;
  private SocketChannel a;
  private SocketChannel b;

  @BeforeEach
  void connect() throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
      a = SocketChannel.open(StandardProtocolFamily.UNIX);
      a.connect(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
      b = server.accept();
    }
  }

  @AfterEach
  void close() throws IOException {
    a.close();
    b.close();
  }

  @Test
  void everyMessageCrossesAFrameChannelIntact() throws IOException {
    RemoteError error = RemoteError.of(RemoteError.Kind.USER,
        new IllegalStateException("outer", new java.io.IOException("inner")));
    List<WireMessage> messages = List.of(
        new WireMessage.Hello("Model-1", 1, true, "c0ffee"),
        new WireMessage.PhaseChanged("RUNNING", 1234, 5678, "detail", null),
        new WireMessage.HookFinished(0, "ENTER_BEFORE_SNAPSHOT", "a.B", "load", 10, 20, error),
        new WireMessage.Ready("restored: yes", 2, 300_000, 30_000, "http://127.0.0.1:41234/"),
        new WireMessage.StartFailed(error, new WireMessage.HookRef(0, "EXIT", "a.B", "close")),
        new WireMessage.Quiescing(),
        new WireMessage.CheckpointReady(),
        new WireMessage.CheckpointRefused("fd 5: TCP *:80 (listening)"),
        new WireMessage.CallResult(7, TextNode.valueOf("ok")),
        new WireMessage.CallFailed(8, error),
        new WireMessage.Stopped(null, List.of("predict (running for 31 s)")),
        new WireMessage.Call(9, "predict", List.of(TextNode.valueOf("x"))),
        new WireMessage.Stop("idle"));
    FrameChannel sender = new FrameChannel(a);
    FrameChannel receiver = new FrameChannel(b);
    for (WireMessage message : messages) {
      sender.send(message);
    }
    for (WireMessage message : messages) {
      assertThat(receiver.receive()).contains(message);
    }
    a.close();
    assertThat(receiver.receive()).isEmpty();
  }

  @Test
  void aFrameNamingAnUnknownTypeIsRefused() throws IOException {
    byte[] body = "{\"type\":\"java.lang.Runtime\"}".getBytes(StandardCharsets.UTF_8);
    a.write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip());

    assertThatThrownBy(() -> new FrameChannel(b).receive()).isInstanceOf(IOException.class)
        .hasMessageContaining("java.lang.Runtime");
  }

  @Test
  void remoteErrorsBecomeExceptionsWithTheRemoteTypeStackAndCause() {
    IllegalStateException original = new IllegalStateException("outer", new java.io.IOException("inner"));

    RemoteException rebuilt = RemoteError.of(RemoteError.Kind.USER, original).toException();

    assertThat(rebuilt.remoteType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(rebuilt).hasMessage("java.lang.IllegalStateException: outer");
    assertThat(rebuilt.getStackTrace()[0].getMethodName())
        .isEqualTo(original.getStackTrace()[0].getMethodName());
    assertThat(((RemoteException) rebuilt.getCause()).remoteType()).isEqualTo("java.io.IOException");
  }

  @Test
  void aRestoreStateLineIsReadUpToItsNewlineAndNotOneByteFurther() throws IOException {
    RestoreState state = new RestoreState("Model-3", "/tmp/x/supervisor.sock", Map.of("K", "v"), true, null,
        "c0ffee");
    byte[] line = RestoreStateLine.encode(state);
    byte[] stream = new byte[line.length + 5];
    System.arraycopy(line, 0, stream, 0, line.length);
    System.arraycopy("extra".getBytes(StandardCharsets.US_ASCII), 0, stream, line.length, 5);
    ByteArrayInputStream in = new ByteArrayInputStream(stream);

    assertThat(RestoreStateLine.read(in)).isEqualTo(state);
    assertThat(in.available()).isEqualTo(5);
  }

  @Test
  void standardInputEndingBeforeARestoreStateMeansTheSupervisorIsGone() {
    assertThatThrownBy(() -> readLine("12"))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("the supervisor is gone");
  }

  @Test
  void standardInputEndingWithinARestoreStateMeansTheSupervisorIsGone() {
    assertThatThrownBy(() -> readLine("40:{\"contai"))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("8 of 41 bytes")
        .hasMessageContaining("the supervisor is gone");
  }

  @Test
  void aLineWithoutItsLengthOrOfAnotherLengthIsNoRestoreState() {
    assertThatThrownBy(() -> readLine("{\"containerId\":1}\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("starts with its length in bytes and a colon");
    assertThatThrownBy(() -> readLine("2:{}}\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not end there");
    assertThatThrownBy(() -> readLine("99999999:{}\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("at position 7");
  }

  private static RestoreState readLine(String stream) throws IOException {
    return RestoreStateLine.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDeclaredFrameTakesMemoryOnlyAsItsBytesArrive() throws Exception {
    // A frame of 64 MiB declared, ten bytes sent, the connection closed.
    a.write(ByteBuffer.allocate(14).putInt(FrameChannel.MAX_FRAME_BYTES).put(new byte[10]).flip());
    a.close();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    FrameChannel receiving = new FrameChannel(b);
    IOException failure = null;
    long before = threads.getCurrentThreadAllocatedBytes();
    try {
      receiving.receive();
    } catch (IOException e) {
      failure = e;
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(failure).isInstanceOf(EOFException.class).hasMessageContaining("in the middle of a frame");
    assertThat(allocated).as("bytes allocated to receive it").isLessThan(4L * 1024 * 1024);
  }

  @Test
  void aStringAsLongAsAFrameAllowsCrossesIntact() throws Exception {
    String text = "x".repeat(25_000_000); // longer than Jackson's default limit of 20 million
    JsonNode value = TextNode.valueOf(text);
    FrameChannel sender = new FrameChannel(a);
    Thread writer = new Thread(() -> {
      try {
        sender.send(new WireMessage.CallResult(7, value));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();

    WireMessage received = new FrameChannel(b).receive().orElseThrow();
    writer.join();

    assertThat(((WireMessage.CallResult) received).value().asText()).hasSize(25_000_000);
  }
}
