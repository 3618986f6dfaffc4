package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import dev.lifecycle.pool.internal.protocol.WireMessage.Hello;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The worker's end of its connection to the supervisor, which may be closed on purpose and opened
 * again: at the snapshot point no socket may be open, and a restored clone connects anew, possibly
 * to another supervisor.
 *
 * <p>One reader thread per connection hands each message to the handler. When a connection ends
 * without {@link #detach()} having been called, the supervisor is gone (it closed, crashed or was
 * killed), and {@code onLost} runs once. Events sent while detached are kept and sent first on the
 * next connection.
 */
final class SupervisorLink {

  private static final System.Logger LOG = System.getLogger(SupervisorLink.class.getName());
  /** A closed channel wakes its reader at once; this only bounds a wait that never ends. */
  private static final long READER_EXIT_WAIT_MILLIS = 5_000;

  private final Consumer<WireMessage> handler;
  private final Runnable onLost;
  private final Object lock = new Object();
  /**
   * Held while a frame is written. A thread interrupted inside a channel's write closes the channel
   * (NIO's channels are interruptible): the supervisor would take the worker for gone, and the
   * worker would stop. So interrupts go through {@link #interrupt}, which waits for the frame.
   */
  private final Object writing = new Object();
  private final List<WireMessage> backlog = new ArrayList<>();
  /** Guarded by {@code lock}: the current connection, null while detached. */
  private FrameChannel channel;
  /** Guarded by {@code lock}: the thread reading {@link #channel}. */
  private Thread reader;
  private boolean lost;

  SupervisorLink(Consumer<WireMessage> handler, Runnable onLost) {
    this.handler = handler;
    this.onLost = onLost;
  }

  /**
   * Connects to {@code socket}, says {@code hello}, sends what was kept while detached, and starts
   * reading.
   *
   * @throws IOException when the supervisor cannot be reached
   */
  void attach(Path socket, Hello hello) throws IOException {
    SocketChannel socketChannel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      socketChannel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      socketChannel.close();
      throw new IOException("cannot connect to the supervisor at " + socket + ": " + e.getMessage(), e);
    }
    FrameChannel connected = new FrameChannel(socketChannel);
    synchronized (lock) {
      connected.send(hello);
      for (WireMessage kept : backlog) {
        connected.send(kept);
      }
      backlog.clear();
      channel = connected;
      reader = new Thread(() -> read(connected), "lifecycle-worker-link");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /**
   * Closes the connection on purpose (its end is not the supervisor's loss) and waits until its
   * descriptor is really gone. NIO closes a socket that another thread is reading in two steps: it
   * first puts a placeholder socket on the descriptor and closes for good only once the reader
   * has left {@code read}. A checkpoint taken in between would see that placeholder.
   */
  void detach() {
    FrameChannel current;
    Thread currentReader;
    synchronized (lock) {
      current = channel;
      currentReader = reader;
      channel = null;
      reader = null;
    }
    if (current != null) {
      current.closeQuietly();
    }
    if (currentReader != null && currentReader != Thread.currentThread()) {
      try {
        currentReader.join(READER_EXIT_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Sends {@code message} now.
   *
   * @return whether it was sent; {@code false} when detached or the connection broke (the
   *     supervisor is gone, which the reader reports)
   */
  boolean send(WireMessage message) {
    FrameChannel current;
    synchronized (lock) {
      current = channel;
    }
    if (current == null) {
      return false;
    }
    try {
      synchronized (writing) {
        current.send(message);
      }
      return true;
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "could not send " + message.getClass().getSimpleName() + ": " + e);
      return false;
    }
  }

  /**
   * Interrupts {@code thread} (a call being cancelled), but never in the middle of a frame it is
   * writing: the interrupt then waits for that frame, and {@link FrameChannel#send} keeps a pending
   * one aside while it writes the next.
   */
  void interrupt(Thread thread) {
    synchronized (writing) {
      thread.interrupt();
    }
  }

  /** Sends {@code event} now, or on the next connection when detached. */
  void sendEvent(WireMessage event) {
    synchronized (lock) {
      if (channel == null) {
        backlog.add(event);
        return;
      }
    }
    send(event);
  }

  /** Forgets the events kept while detached. */
  void discardBacklog() {
    synchronized (lock) {
      backlog.clear();
    }
  }

  /** Closes the connection for good. */
  void close() {
    detach();
  }

  private void read(FrameChannel connection) {
    try {
      while (true) {
        Optional<WireMessage> message = connection.receive();
        if (message.isEmpty()) {
          break;
        }
        handler.accept(message.get());
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "connection to the supervisor ended: " + e);
    }
    boolean mine;
    synchronized (lock) {
      mine = channel == connection && !lost;
      if (mine) {
        channel = null;
        reader = null;
        lost = true;
      }
    }
    connection.closeQuietly();
    if (mine) {
      onLost.run();
    }
  }
}
