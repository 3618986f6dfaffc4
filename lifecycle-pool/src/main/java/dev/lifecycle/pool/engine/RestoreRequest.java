package dev.lifecycle.pool.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How one restored worker is wired.
 *
 * @param standardInput the file the worker reads as its standard input: its restore state
 * @param log the file its standard output and error are appended to
 * @param workDirectory a directory the engine may use for its own files of this restore (logs,
 *     pid files); it does not exist yet, and the engine deletes it after a restore that worked
 */
public record RestoreRequest(Path standardInput, Path log, Path workDirectory) {

  public RestoreRequest {
    Objects.requireNonNull(standardInput, "standardInput");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(workDirectory, "workDirectory");
  }
}
