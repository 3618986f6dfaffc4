package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.internal.DaemonThreads;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import dev.lifecycle.pool.internal.protocol.WireMessage.Hello;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The supervisor's Unix domain socket, in a directory only this user can enter (mode 0700): every
 * worker connects here, says {@link Hello} with its container id and token, and is handed to that
 * container, which reads the connection on the thread that accepted it.
 *
 * <p>A hello whose token is not the container's is refused and logged, and the container's real
 * connection is left alone; a connection that says nothing is closed after {@link
 * #HELLO_TIMEOUT}.
 */
public final class SocketServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SocketServer.class.getName());
  /** Refusals go to the pool's logger, where users look: something else talks to the pool. */
  private static final System.Logger POOL_LOG = System.getLogger(ContainerPool.class.getName());
  static final String SOCKET_NAME = "supervisor.sock";
  /** A worker says hello as soon as it connects; this only bounds a connection that never does. */
  static final Duration HELLO_TIMEOUT = Duration.ofSeconds(5);

  private final Path socketPath;
  private final ServerSocketChannel server;
  private final Function<String, Optional<WorkerContainer>> containers;
  private final ScheduledExecutorService helloDeadlines =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lifecycle-pool-hello"));
  private volatile boolean closed;

  private SocketServer(Path socketPath, ServerSocketChannel server,
      Function<String, Optional<WorkerContainer>> containers) {
    this.socketPath = socketPath;
    this.server = server;
    this.containers = containers;
  }

  /**
   * Listens on {@value #SOCKET_NAME} in {@code privateDirectory}, which must be mode 0700.
   *
   * @param containers finds the container a {@link Hello} names
   */
  public static SocketServer open(Path privateDirectory, Function<String, Optional<WorkerContainer>> containers)
      throws IOException {
    Path socket = privateDirectory.resolve(SOCKET_NAME);
    Files.deleteIfExists(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      server.close();
      throw new IOException("cannot listen on " + socket + " for worker JVMs: " + e.getMessage(), e);
    }
    SocketServer result = new SocketServer(socket, server, containers);
    Thread acceptor = new Thread(result::acceptLoop, "lifecycle-pool-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return result;
  }

  public Path socketPath() {
    return socketPath;
  }

  private void acceptLoop() {
    // Numbered as accepted: a worker's connections reach its container in the order it made them.
    long sequence = 0;
    while (!closed) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "accepting a worker connection on " + socketPath + " failed: " + e);
        }
        continue;
      }
      long accepted = sequence++;
      Thread reader = new Thread(() -> serve(channel, accepted), "lifecycle-pool-connection");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void serve(SocketChannel channel, long sequence) {
    FrameChannel connection = new FrameChannel(channel);
    ScheduledFuture<?> deadline = helloDeadlines.schedule(() -> {
      LOG.log(Level.WARNING, "a connection on " + socketPath + " said no hello within "
          + HELLO_TIMEOUT.toSeconds() + " s; closed");
      connection.closeQuietly();
    }, HELLO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      Optional<WireMessage> first = connection.receive();
      if (!deadline.cancel(false)) {
        return; // closed for its silence
      }
      if (first.isPresent() && first.get() instanceof Hello hello) {
        Optional<WorkerContainer> container = containers.apply(hello.containerId());
        if (container.isPresent() && container.get().admits(hello)) {
          container.get().serve(connection, hello, sequence);
          return;
        }
        if (container.isPresent()) {
          POOL_LOG.log(Level.WARNING, "Refused a connection to the pool's socket " + socketPath
              + " that said it was container " + hello.containerId() + " (pid " + hello.pid()
              + " in its own view) but did not carry that container's token: it is not the worker"
              + " the pool started. The container keeps its own connection and serves on.");
          connection.closeQuietly();
          return;
        }
        LOG.log(Level.WARNING, "a worker connected as container " + hello.containerId()
            + ", which this pool does not know (left over from an earlier pool?); closed");
      } else {
        LOG.log(Level.WARNING, "a connection on " + socketPath + " did not start with hello; closed");
      }
    } catch (IOException e) {
      if (deadline.cancel(false)) {
        LOG.log(Level.WARNING, "a connection on " + socketPath + " failed before its hello was"
            + " understood (" + e.getMessage() + "); closed. A worker of another Lifecycle version"
            + " than the supervisor's says hello differently: give the workers the supervisor's"
            + " class path.");
      }
    }
    connection.closeQuietly();
  }

  @Override
  public void close() {
    closed = true;
    helloDeadlines.shutdownNow();
    try {
      server.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "closing " + socketPath + ": " + e);
    }
    try {
      Files.deleteIfExists(socketPath);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "deleting " + socketPath + ": " + e);
    }
  }
}
