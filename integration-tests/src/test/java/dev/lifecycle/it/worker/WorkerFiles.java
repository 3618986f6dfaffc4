package dev.lifecycle.it.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Files through which worker JVMs tell the test what ran in them: one line per event, appended,
 * in the directory the test names with the {@value #DIRECTORY} system property of its workers.
 * An effect outside every process, so it survives the checkpoint, the restore and the worker.
 */
public final class WorkerFiles {

  /** System property of the worker JVMs: the directory of the files. */
  public static final String DIRECTORY = "lifecycle.it.dir";

  private WorkerFiles() {}

  /** Appends {@code line} to {@code name} in the workers' directory; called in worker JVMs. */
  public static synchronized void append(String name, String line) {
    String dir = System.getProperty(DIRECTORY);
    if (dir == null) {
      return; // not in a worker of these tests
    }
    try {
      Files.writeString(Path.of(dir, name), line + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of {@code name} in {@code dir}; none when it does not exist. */
  public static List<String> lines(Path dir, String name) {
    Path file = dir.resolve(name);
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
