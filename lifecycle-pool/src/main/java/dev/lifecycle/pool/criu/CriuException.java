package dev.lifecycle.pool.criu;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A criu run failed: it exited with an error, did not finish in time, or could not be started.
 *
 * <p>The message says which operation failed on what, and quotes the lines of criu's log that
 * explain why; {@link #logFile()} points at the full log when there is one.
 */
final class CriuException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path logFile;

  public CriuException(String message, Path logFile) {
    super(message);
    this.logFile = logFile;
  }

  public CriuException(String message, Path logFile, Throwable cause) {
    super(message, cause);
    this.logFile = logFile;
  }

  /** criu's full log of the failed run, if it wrote one. */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }
}
