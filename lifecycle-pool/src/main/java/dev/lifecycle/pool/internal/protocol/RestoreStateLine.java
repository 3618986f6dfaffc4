package dev.lifecycle.pool.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifecycle.pool.internal.protocol.WireMessage.RestoreState;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link RestoreState} as the single JSON line a worker reads from its standard input at its
 * snapshot point.
 *
 * <p>The worker reads byte by byte up to the newline and not one byte further: nothing of the
 * stream is buffered in the process, so the image never holds half-read input.
 */
public final class RestoreStateLine {

  /** A restore state is a few hundred bytes; a longer line is not one. */
  static final int MAX_LINE_BYTES = 1024 * 1024;

  private RestoreStateLine() {}

  /** The state as one line of JSON, newline included. */
  public static byte[] encode(RestoreState state) {
    try {
      return (FrameChannel.JSON.writeValueAsString(state) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write restore state " + state, e);
    }
  }

  /**
   * Reads one line from {@code in} and parses it.
   *
   * @throws EOFException when the stream ends before a complete line (the supervisor is gone)
   * @throws IOException when the line is not a restore state
   */
  public static RestoreState read(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("standard input ended before a restore state line ("
            + line.size() + " bytes read): the supervisor is gone");
      }
      if (b == '\n') {
        break;
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new IOException("restore state line longer than " + MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
    try {
      return FrameChannel.JSON.readValue(line.toByteArray(), RestoreState.class);
    } catch (JsonProcessingException e) {
      throw new IOException("standard input held no valid restore state: " + e.getOriginalMessage(), e);
    }
  }
}
