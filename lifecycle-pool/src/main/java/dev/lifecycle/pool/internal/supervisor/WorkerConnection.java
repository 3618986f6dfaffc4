package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import java.io.IOException;

/**
 * The current connection of one worker, which the worker may close on purpose (at its snapshot
 * point) and open again: only an end it did not announce means the worker is gone.
 */
final class WorkerConnection {

  private final Object lock = new Object();
  /** Guarded by {@code lock}; null while the worker is not connected. */
  private FrameChannel channel;
  /** Guarded by {@code lock}: the worker closed on purpose and will connect again. */
  private boolean reconnectExpected;
  /** Guarded by {@code lock}: the accept order of {@code channel}; -1 before the first. */
  private long attachedSequence = -1;

  /**
   * {@code connection}, accepted as the socket's {@code sequence}th, is the worker's connection
   * from now on, and a previous one is closed; unless a later one is attached already. A worker
   * connects again only after it closed its connection (at its snapshot point), but the threads
   * that read the two may come here in either order: the earlier one then must not close the
   * later, whose messages (its {@code CheckpointReady}, say) would be lost unread. It is read to
   * its end all the same, as a connection that is not this worker's current one.
   *
   * @return whether {@code connection} is the current one now
   */
  boolean attach(FrameChannel connection, long sequence) {
    FrameChannel previous;
    synchronized (lock) {
      if (sequence < attachedSequence) {
        return false;
      }
      previous = channel;
      channel = connection;
      attachedSequence = sequence;
      reconnectExpected = false;
    }
    if (previous != null) {
      previous.closeQuietly();
    }
    return true;
  }

  /** The worker said it will close this connection and connect again. */
  void expectReconnect() {
    synchronized (lock) {
      reconnectExpected = true;
    }
  }

  /**
   * {@code connection} ended; returns whether that means the worker is lost (it was the current
   * connection, and no reconnection was announced).
   */
  boolean ended(FrameChannel connection) {
    boolean lost;
    synchronized (lock) {
      lost = channel == connection && !reconnectExpected;
      if (channel == connection) {
        channel = null;
      }
    }
    connection.closeQuietly();
    return lost;
  }

  /**
   * Sends {@code message} on the current connection.
   *
   * @return false when the worker is not connected
   * @throws IOException when the connection broke; its reader reports the loss
   */
  boolean send(WireMessage message) throws IOException {
    FrameChannel current;
    synchronized (lock) {
      current = channel;
    }
    if (current == null) {
      return false;
    }
    current.send(message);
    return true;
  }

  /** Closes the current connection, for good. */
  void close() {
    FrameChannel current;
    synchronized (lock) {
      current = channel;
      channel = null;
    }
    if (current != null) {
      current.closeQuietly();
    }
  }
}
