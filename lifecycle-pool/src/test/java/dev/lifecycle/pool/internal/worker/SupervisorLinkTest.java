package dev.lifecycle.pool.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's end of its connection, over a real Unix socket. */
class SupervisorLinkTest {

  private static final int ITEMS = 40;
  /** Far more than a socket's buffer holds: the sender blocks in its writes until they are read. */
  private static final String LARGE = "x".repeat(256 * 1024);

  @TempDir Path dir;

  @Test
  void aCancelThatInterruptsAThreadWritingAStreamLeavesTheConnectionWhole() throws Exception {
    Path socket = dir.resolve("supervisor.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      AtomicBoolean lost = new AtomicBoolean();
      SupervisorLink link = new SupervisorLink(message -> { }, () -> lost.set(true));
      link.attach(socket, new WireMessage.Hello("Ticker-1", 1, false, "token"));
      FrameChannel supervisor = new FrameChannel(server.accept());
      assertThat(supervisor.receive()).containsInstanceOf(WireMessage.Hello.class);

      // A call thread streaming items the supervisor does not read yet: it blocks in a write.
      CountDownLatch sending = new CountDownLatch(1);
      AtomicInteger sent = new AtomicInteger();
      AtomicBoolean interruptKept = new AtomicBoolean();
      Thread call = new Thread(() -> {
        sending.countDown();
        for (int i = 0; i < ITEMS; i++) {
          if (link.send(new WireMessage.StreamItem(7, new TextNode(i + LARGE)))) {
            sent.incrementAndGet();
          }
        }
        interruptKept.set(Thread.currentThread().isInterrupted());
      }, "call");
      call.start();
      assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200); // well inside its writes by now

      // The call is cancelled meanwhile: its thread is interrupted through the link.
      Thread cancel = new Thread(() -> link.interrupt(call), "cancel");
      cancel.start();
      Thread.sleep(100);

      for (int i = 0; i < ITEMS; i++) {
        String first = i + "x";
        assertThat(supervisor.receive()).hasValueSatisfying(message ->
            assertThat(((WireMessage.StreamItem) message).value().asText()).startsWith(first));
      }
      call.join(10_000);
      cancel.join(10_000);
      assertThat(sent).hasValue(ITEMS);
      assertThat(interruptKept).as("the interrupt reached the call's thread").isTrue();
      assertThat(link.send(new WireMessage.CheckpointReady())).isTrue();
      assertThat(supervisor.receive()).containsInstanceOf(WireMessage.CheckpointReady.class);
      assertThat(lost).isFalse();
      link.close();
    }
  }
}
