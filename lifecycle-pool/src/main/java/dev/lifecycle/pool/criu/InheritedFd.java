package dev.lifecycle.pool.criu;

import java.lang.ProcessBuilder.Redirect;
import java.util.Objects;

/**
 * One {@code --inherit-fd}: at restore, every descriptor of the image that referred to {@code
 * resourceKey} gets {@code replacement} instead.
 *
 * <p>This is how each clone of one image gets its own stdin, stdout and stderr: the original
 * process had, say, {@code pipe:[4711]} on fd 0; restoring with {@code InheritedFd("pipe:[4711]",
 * Redirect.from(cloneInput))} gives the clone that file (or FIFO) as fd 0. {@link InheritFdKeys}
 * reads the keys of a running process.
 *
 * <p>criu takes the replacement from one of its own descriptors, and a {@link ProcessBuilder} can
 * only set criu's fds 0, 1 and 2; so a restore can replace at most one resource with a source
 * ({@link Redirect.Type#READ}, carried on criu's fd 0) and two with sinks ({@link
 * Redirect.Type#WRITE} or {@link Redirect.Type#APPEND}, on fds 1 and 2). {@link Redirect#PIPE} is
 * refused: the JDK closes its end of a child's pipes as soon as the child (criu) exits, which is
 * right after the restore. Use a file, or a FIFO made with {@code mkfifo}, for a live stream.
 *
 * @param resourceKey the resource as criu names it: {@code pipe:[inode]}, {@code socket:[inode]},
 *     or a regular file's absolute path without its leading slash
 * @param replacement what the clone gets instead: a file or FIFO to read from or write to
 */
record InheritedFd(String resourceKey, Redirect replacement) {

  public InheritedFd {
    Objects.requireNonNull(resourceKey, "resourceKey");
    Objects.requireNonNull(replacement, "replacement");
    if (resourceKey.isBlank() || resourceKey.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "criu resource key must be like pipe:[4711] or tmp/app.log, got '" + resourceKey + "'");
    }
    if (replacement.file() == null) {
      throw new IllegalArgumentException(
          "replacement for " + resourceKey + " must be a file or FIFO (Redirect.from/to/appendTo), not "
              + replacement + ": the JDK closes its pipes to criu when criu exits, right after the"
              + " restore, so a clone would lose them");
    }
  }

  /** Whether the clone reads from the replacement (it then travels on criu's stdin). */
  public boolean isInput() {
    return replacement.type() == Redirect.Type.READ;
  }
}
