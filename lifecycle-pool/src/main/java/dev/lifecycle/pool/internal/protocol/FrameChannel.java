package dev.lifecycle.pool.internal.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.web.internal.StrictJson;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * One end of a supervisor-worker connection: {@link WireMessage}s as length-prefixed JSON frames
 * over a (Unix domain) socket channel. Sends are serialized; one thread receives.
 */
public final class FrameChannel implements AutoCloseable {

  /** A frame larger than this is refused: a corrupt length must not allocate gigabytes. */
  static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
  /** How much of a frame is read before its buffer grows: most messages fit. */
  private static final int FIRST_READ_BYTES = 64 * 1024;

  /** Shared, thread-safe once configured; no default typing, unknown properties rejected. */
  public static final ObjectMapper JSON = StrictJson.mapper(MAX_FRAME_BYTES);

  private final SocketChannel channel;
  private final Object sendLock = new Object();

  public FrameChannel(SocketChannel channel) {
    this.channel = channel;
  }

  public void send(WireMessage message) throws IOException {
    byte[] body = JSON.writerFor(WireMessage.class).writeValueAsBytes(message);
    ByteBuffer frame = ByteBuffer.allocate(4 + body.length);
    frame.putInt(body.length).put(body).flip();
    synchronized (sendLock) {
      // An interrupt pending on the caller's thread would close the channel under every call in
      // flight on it (channels close when a thread blocked in them is interrupted): the frame is
      // written without it, and the interrupt kept for the caller.
      boolean interrupted = Thread.interrupted();
      try {
        while (frame.hasRemaining()) {
          channel.write(frame);
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * The next message, or empty when the other end closed the connection cleanly between frames.
   *
   * @throws IOException on a broken connection, a frame cut short, or a frame that is not a valid
   *     message
   */
  public Optional<WireMessage> receive() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(4);
    if (!readFully(header, true)) {
      return Optional.empty();
    }
    int length = header.flip().getInt();
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new IOException("Refusing a frame of " + length + " bytes (at most " + MAX_FRAME_BYTES + ")");
    }
    return Optional.of(JSON.readValue(readBody(length), WireMessage.class));
  }

  /**
   * The frame's {@code length} bytes, in a buffer that grows as they arrive: a peer that declares a
   * large frame and sends nothing more holds no more memory than it sent.
   */
  private byte[] readBody(int length) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(Math.min(length, FIRST_READ_BYTES));
    while (true) {
      readFully(body, false);
      if (body.capacity() == length) {
        return body.array();
      }
      ByteBuffer larger = ByteBuffer.allocate((int) Math.min(length, 2L * body.capacity()));
      larger.put(body.flip());
      body = larger;
    }
  }

  private boolean readFully(ByteBuffer buffer, boolean endAllowed) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        if (endAllowed && buffer.position() == 0) {
          return false;
        }
        throw new EOFException("Connection closed in the middle of a frame");
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** {@link #close()}, for a connection that may be broken already: nothing is left to do then. */
  public void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // a broken connection: closed all the same
    }
  }
}
