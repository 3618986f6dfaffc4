package dev.lifecycle.pool.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what the pool wrote: a directory tree, or a single file. */
public final class FileTrees {

  private static final System.Logger LOG = System.getLogger(FileTrees.class.getName());

  private FileTrees() {}

  /**
   * Deletes {@code path} and, for a directory, everything below it, deepest first. Links are
   * deleted, never followed ({@link Files#walk} does not follow them): a link planted in the tree
   * cannot make this delete what it names. What cannot be deleted stays, with a debug line.
   */
  public static void deleteQuietly(Path path) {
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "could not delete " + path + ": " + e);
    }
  }
}
