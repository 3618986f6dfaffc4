package dev.lifecycle.runtime.internal.safety;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The descriptors a checkpoint may keep open: those the JVM itself holds and a process
 * checkpoint restores safely (what CRIU does with each is in docs/criu-notes.md), plus paths the
 * caller adds. Everything else is the application's, and is refused.
 *
 * <p>The list, and why each entry is safe:
 *
 * <ul>
 *   <li><b>fds 0, 1 and 2</b>: the snapshot engine replaces them per clone at restore, so each
 *       clone gets its own stdin, stdout and stderr.
 *   <li><b>files under {@code java.home}</b> ({@code lib/modules}, the JDK's jars): the JVM opens
 *       them itself; they do not change between checkpoint and restore, which is what a restore checks.
 *   <li><b>class path and module path entries</b> ({@code java.class.path}, {@code
 *       jdk.module.path}): jars held open by class loaders, and files under class directories.
 *       They are part of the snapshot key, so a changed jar means a new snapshot anyway.
 *   <li><b>{@code /dev/null}, {@code /dev/zero}, {@code /dev/random}, {@code /dev/urandom}</b>:
 *       stateless devices, simply reopened.
 *   <li><b>anonymous {@code [eventpoll]}, {@code [eventfd]}, {@code [timerfd]}, {@code
 *       [signalfd]}</b>: NIO selectors and their wake-up, restored as they are. A socket registered
 *       with a selector is still reported on its own.
 *   <li><b>pipes with both ends in this process</b> (a selector's wake-up pipe): both ends are restored
 *       together. A pipe whose other end is outside (a child process, the supervisor) is not.
 *   <li><b>an unnamed Unix stream socket whose peer has closed</b>: every JVM that uses NIO keeps
 *       one (the JDK makes a socketpair at start-up, closes one end, and dup2s the other over
 *       descriptors it closes asynchronously); it is checkpointed and restored as a
 *       "semi-closed connection" (checked on this machine with CRIU). Any other socket is refused.
 * </ul>
 *
 * <p>Not on the list, hence refused: regular files of the application (a restore would check their
 * size and every clone would share the file offset's past), directories, terminals, sockets
 * of any kind, pipes to other processes, {@code inotify} watches and other anonymous inodes.
 */
final class JvmOwnedResources {

  static final Set<Integer> STANDARD_FDS = Set.of(0, 1, 2);

  static final Set<String> STATELESS_DEVICES =
      Set.of("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom");

  static final Set<String> RESTORABLE_ANON_INODES =
      Set.of("anon_inode:[eventpoll]", "anon_inode:[eventfd]", "anon_inode:[timerfd]",
          "anon_inode:[signalfd]");

  private final List<Path> exactFiles;
  private final List<Path> directories;

  private JvmOwnedResources(List<Path> exactFiles, List<Path> directories) {
    this.exactFiles = List.copyOf(exactFiles);
    this.directories = List.copyOf(directories);
  }

  /** The list for this JVM: its {@code java.home}, class path and module path. */
  static JvmOwnedResources forCurrentJvm() {
    List<Path> files = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    add(Path.of(System.getProperty("java.home")), files, dirs);
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      String value = System.getProperty(property, "");
      for (String entry : value.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          add(Path.of(entry), files, dirs);
        }
      }
    }
    return new JvmOwnedResources(files, dirs);
  }

  /** This list plus {@code paths} (a file allows itself, a directory everything under it). */
  JvmOwnedResources plus(Collection<Path> paths) {
    List<Path> files = new ArrayList<>(exactFiles);
    List<Path> dirs = new ArrayList<>(directories);
    paths.forEach(p -> add(p, files, dirs));
    return new JvmOwnedResources(files, dirs);
  }

  /**
   * Whether {@code resource} may stay open at checkpoint time.
   *
   * @param restorableAsIs whether the scan found it to be a pipe of which this process holds both
   *     ends, or a Unix socket whose peer has closed
   */
  boolean owns(OpenResource resource, boolean restorableAsIs) {
    if (STANDARD_FDS.contains(resource.fd())) {
      return true;
    }
    switch (resource.kind()) {
      case DEVICE:
        return STATELESS_DEVICES.contains(resource.target());
      case ANON_INODE:
        return RESTORABLE_ANON_INODES.contains(resource.target());
      case PIPE:
      case SOCKET:
        return restorableAsIs;
      case FILE:
      case DIRECTORY:
        return isAllowedPath(Path.of(resource.target()));
      default:
        return false;
    }
  }

  private boolean isAllowedPath(Path path) {
    if (exactFiles.contains(path)) {
      return true;
    }
    for (Path dir : directories) {
      if (path.startsWith(dir)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds {@code p} both as given and as its real path: {@code /proc/self/fd} shows real paths, the
   * class path may name symlinks (Debian's {@code /usr/lib/jvm/default-java}).
   */
  private static void add(Path p, List<Path> files, List<Path> dirs) {
    Path absolute = p.toAbsolutePath().normalize();
    Path real = absolute;
    try {
      real = absolute.toRealPath();
    } catch (IOException e) {
      // A class path entry that does not exist holds no descriptor; keep the name anyway.
    }
    List<Path> target = real.toFile().isDirectory() ? dirs : files;
    target.add(absolute);
    if (!real.equals(absolute)) {
      target.add(real);
    }
  }
}
