package dev.lifecycle.pool.internal.supervisor;

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
import java.util.Optional;
import java.util.function.Function;

/**
 * The supervisor's Unix domain socket, in a directory only this user can enter (mode 0700): every
 * worker connects here, says {@link Hello} with its container id, and is handed to that container,
 * which reads the connection on the thread that accepted it.
 */
public final class SocketServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SocketServer.class.getName());
  static final String SOCKET_NAME = "supervisor.sock";

  private final Path socketPath;
  private final ServerSocketChannel server;
  private final Function<String, Optional<WorkerContainer>> containers;
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
      Thread reader = new Thread(() -> serve(channel), "lifecycle-pool-connection");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void serve(SocketChannel channel) {
    FrameChannel connection = new FrameChannel(channel);
    try {
      Optional<WireMessage> first = connection.receive();
      if (first.isPresent() && first.get() instanceof Hello hello) {
        Optional<WorkerContainer> container = containers.apply(hello.containerId());
        if (container.isPresent()) {
          container.get().serve(connection, hello);
          return;
        }
        LOG.log(Level.WARNING, "a worker connected as container " + hello.containerId()
            + ", which this pool does not know (left over from an earlier pool?); closed");
      } else {
        LOG.log(Level.WARNING, "a connection on " + socketPath + " did not start with hello; closed");
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "a worker connection failed before its hello: " + e);
    }
    try {
      connection.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }

  @Override
  public void close() {
    closed = true;
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
