package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.worker.AbcdService.Identity;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the worker the pool started speaks for a container: a process that reaches the pool's
 * socket and names a live container (ids are predictable) is refused and logged, and the real
 * worker keeps its connection and its calls; a connection that says nothing is closed.
 */
@ExtendWith(NoStrayWorkers.class)
class WorkerAuthenticationTest {

  @TempDir Path dir;

  @Test
  void aHelloWithoutTheContainersTokenIsRefusedAndTheRealWorkerServesOn() throws Exception {
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(AbcdService.class, dir).memorySnapshots(false)
            .minContainers(1).maxContainers(1).build()) {
      ContainerInfo victim = pool.containers().get(0);

      try (FrameChannel impostor = connect(socketOf(victim))) {
        impostor.send(new WireMessage.Hello(victim.containerId(), 4242, false, "guessed"));
        assertThat(receiveWithin(impostor, 10)).as("the impostor's connection is closed").isEmpty();
      }

      Identity served = pool.call(Identity.class, "identity", 0L);
      assertThat(served.containerId()).isEqualTo(victim.containerId());
      assertThat(served.pid()).isEqualTo(victim.pid());
      assertThat(pool.containers()).singleElement()
          .satisfies(c -> assertThat(c.state()).isEqualTo(ContainerInfo.State.READY));
      assertThat(warnings.warnings()).singleElement().asString()
          .contains("Refused a connection")
          .contains("container " + victim.containerId())
          .contains("did not carry that container's token");
    }
  }

  @Test
  void aConnectionThatSaysNoHelloIsClosed() throws Exception {
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build()) {
      Path socket = socketOf(pool.containers().get(0));

      try (FrameChannel silent = connect(socket)) {
        assertThat(receiveWithin(silent, 15)).as("the silent connection is closed").isEmpty();
      }
      assertThat(pool.call(Identity.class, "identity", 0L).order()).isEqualTo("ABCD");
    }
  }

  /** The pool's socket, as the worker's command line names it. */
  private static Path socketOf(ContainerInfo container) throws IOException {
    byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(container.pid()), "cmdline"));
    return Arrays.stream(new String(cmdline, StandardCharsets.UTF_8).split("\0"))
        .filter(arg -> arg.startsWith("--socket="))
        .map(arg -> Path.of(arg.substring("--socket=".length())))
        .findFirst().orElseThrow();
  }

  private static FrameChannel connect(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    return new FrameChannel(channel);
  }

  /** What the pool sends next; empty when it closes the connection. Fails after {@code seconds}. */
  private static Optional<WireMessage> receiveWithin(FrameChannel channel, int seconds)
      throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return channel.receive();
      } catch (IOException closed) {
        return Optional.<WireMessage>empty();
      }
    }).get(seconds, TimeUnit.SECONDS);
  }
}
