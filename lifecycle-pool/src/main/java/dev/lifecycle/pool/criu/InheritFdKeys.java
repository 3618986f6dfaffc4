package dev.lifecycle.pool.criu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The criu resource key of a running process's descriptor, for {@link InheritedFd}.
 *
 * <p>Read it before the dump (criu kills the process): {@code /proc/<pid>/fd/<n>} links to
 * {@code pipe:[inode]} for a pipe, which is exactly criu's key for it; a regular file links to its
 * absolute path, and criu names it by that path without the leading slash. The key does not change
 * with the dump, so the supervisor can store it next to the image and use it for every restore.
 */
final class InheritFdKeys {

  private InheritFdKeys() {}

  /**
   * The key of descriptor {@code fd} of process {@code pid}.
   *
   * @throws IOException when the process or descriptor does not exist (or cannot be read)
   * @throws IllegalArgumentException when the descriptor is of a kind criu cannot inherit by key
   *     (a terminal, an anonymous inode, a deleted file)
   */
  public static String of(long pid, int fd) throws IOException {
    Path link = Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
    try {
      return fromLink(Files.readSymbolicLink(link).toString());
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(link.toString(), null, "process " + pid + " has no fd " + fd);
    }
  }

  /** Turns a {@code /proc/<pid>/fd} link target into criu's key. */
  static String fromLink(String target) {
    if (target.startsWith("pipe:[") || target.startsWith("socket:[")) {
      return target;
    }
    if (target.endsWith(" (deleted)")) {
      throw new IllegalArgumentException(
          "fd refers to a deleted file (" + target + "); criu cannot inherit it by name");
    }
    if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")) {
      throw new IllegalArgumentException(
          "fd is a terminal (" + target + "); start the process with its stdio on pipes or files");
    }
    if (target.startsWith("/")) {
      return target.substring(1);
    }
    throw new IllegalArgumentException(
        "fd refers to " + target + ", which criu cannot inherit by key; only pipes, sockets and"
            + " regular files can be replaced at restore");
  }
}
