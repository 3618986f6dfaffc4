package dev.lifecycle.pool.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifecycle.pool.internal.protocol.WireMessage.RestoreState;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link RestoreState} as the single line a worker reads from its standard input at its
 * snapshot point: the JSON's length in bytes, a colon, the JSON, a newline.
 *
 * <p>The worker reads up to the newline and not one byte further: nothing of the stream is
 * buffered in the process, so the image never holds half-read input. The length lets it read the
 * JSON in one go instead of byte by byte: a clone reads its line on its way to serving, and a few
 * hundred single-byte reads there cost each clone a compilation of the read loop.
 */
public final class RestoreStateLine {

  /** A restore state is a few hundred bytes; a longer line is not one. */
  static final int MAX_LINE_BYTES = 1024 * 1024;
  /** Digits enough for {@link #MAX_LINE_BYTES}. */
  private static final int MAX_LENGTH_DIGITS = 7;

  private RestoreStateLine() {}

  /** The state as one line, newline included. */
  public static byte[] encode(RestoreState state) {
    byte[] json;
    try {
      json = FrameChannel.JSON.writeValueAsBytes(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write restore state " + state, e);
    }
    byte[] length = (json.length + ":").getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[length.length + json.length + 1];
    System.arraycopy(length, 0, line, 0, length.length);
    System.arraycopy(json, 0, line, length.length, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * Reads one line from {@code in} and parses it.
   *
   * @throws EOFException when the stream ends before a complete line (the supervisor is gone)
   * @throws IOException when the line is not a restore state
   */
  public static RestoreState read(InputStream in) throws IOException {
    int length = readLength(in);
    byte[] rest = new byte[length + 1];
    // Not readNBytes: FileInputStream's, in some JDK 17 updates, asks a pipe for its position.
    for (int read = 0; read < rest.length; ) {
      int n = in.read(rest, read, rest.length - read);
      if (n < 0) {
        throw new EOFException("standard input ended within a restore state line (" + read
            + " of " + rest.length + " bytes read after its length): the supervisor is gone");
      }
      read += n;
    }
    if (rest[length] != '\n') {
      throw new IOException("standard input held no valid restore state: its line of "
          + length + " bytes does not end there");
    }
    try {
      return FrameChannel.JSON.readValue(rest, 0, length, RestoreState.class);
    } catch (JsonProcessingException e) {
      throw new IOException("standard input held no valid restore state: " + e.getOriginalMessage(), e);
    }
  }

  /** The length before the colon, read byte by byte: the few digits there are. */
  private static int readLength(InputStream in) throws IOException {
    int length = 0;
    for (int digits = 0; ; digits++) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("standard input ended before a restore state line (" + digits
            + " bytes read): the supervisor is gone");
      }
      if (b == ':' && digits > 0) {
        break;
      }
      if (b < '0' || b > '9' || digits == MAX_LENGTH_DIGITS) {
        throw new IOException("standard input held no valid restore state: a line starts with its"
            + " length in bytes and a colon, not with byte " + b + " at position " + digits);
      }
      length = length * 10 + (b - '0');
    }
    if (length > MAX_LINE_BYTES) {
      throw new IOException("restore state line longer than " + MAX_LINE_BYTES + " bytes");
    }
    return length;
  }
}
