package dev.lifecycle.runtime.internal.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists and classifies this process's open file descriptors, from {@code /proc/self/fd}, and
 * tells apart what the JVM owns (safe to checkpoint) from what the application opened.
 *
 * <p>Sockets are described by address, found through the kernel's socket tables ({@code
 * /proc/self/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}, {@code unix}, {@code netlink});
 * the list of what counts as JVM-owned is documented on {@code JvmOwnedResources}: standard fds,
 * files under {@code java.home}, class and module path entries, {@code /dev/null}, {@code
 * /dev/zero}, {@code /dev/random}, {@code /dev/urandom}, epoll/eventfd/timerfd/signalfd, and pipes
 * whose both ends are in this process.
 *
 * <p>Linux only. Immutable and thread-safe; each call reads {@code /proc} afresh.
 */
public final class OpenResourceScanner {

  private final Path proc;
  private final JvmOwnedResources owned;
  /**
   * Descriptors open before, as {@code "fd target"}, that {@link #unownedResources} leaves out:
   * the same number to the same file or socket inode (a socket's state may have changed since).
   */
  private final Set<String> excluded;

  private OpenResourceScanner(Path proc, JvmOwnedResources owned, Set<String> excluded) {
    this.proc = proc;
    this.owned = owned;
    this.excluded = Set.copyOf(excluded);
  }

  /** A scanner of this process, with this JVM's own resources allowed. */
  public static OpenResourceScanner forCurrentJvm() {
    return new OpenResourceScanner(Path.of("/proc/self"), JvmOwnedResources.forCurrentJvm(), Set.of());
  }

  /**
   * This scanner, also allowing {@code paths}: a file allows itself, a directory everything under
   * it. For files the runtime knows to be unchanged between checkpoint and restore.
   */
  public OpenResourceScanner allowing(Collection<Path> paths) {
    return new OpenResourceScanner(proc, owned.plus(paths), excluded);
  }

  /**
   * This scanner, leaving out {@code before}: the descriptors that were open, each to the same
   * target, when they were listed. In a JVM that runs more than one container (a test's), only
   * what a container's constructor and snap hooks opened is theirs; what the test framework held
   * already is not.
   */
  public OpenResourceScanner excluding(Collection<OpenResource> before) {
    Set<String> all = new HashSet<>(excluded);
    before.forEach(r -> all.add(key(r)));
    return new OpenResourceScanner(proc, owned, all);
  }

  private static String key(OpenResource r) {
    return r.fd() + " " + r.target();
  }

  /** Every open descriptor, classified, by fd number. */
  public List<OpenResource> openResources() {
    return scan().resources();
  }

  /**
   * The descriptors that are not the JVM's own (nor allowed), by fd number: what would make a
   * checkpoint unsafe.
   */
  public List<OpenResource> unownedResources() {
    Scan scan = scan();
    List<OpenResource> result = new ArrayList<>();
    for (OpenResource r : scan.resources()) {
      if (!excluded.contains(key(r)) && !owned.owns(r, scan.restorableAsIs().contains(r.target()))) {
        result.add(r);
      }
    }
    return result;
  }

  /**
   * @param restorableAsIs targets a restore brings back as they are although their kind is refused in
   *     general: pipes with both ends here, Unix sockets whose peer has closed
   */
  private record Scan(List<OpenResource> resources, Set<String> restorableAsIs) {}

  private Scan scan() {
    Path fdDir = proc.resolve("fd");
    // List first, read links after: the directory stream's own descriptor is closed by then and
    // drops out (its link no longer resolves), so it is never reported.
    List<Integer> fds = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(fdDir)) {
      for (Path p : stream) {
        fds.add(Integer.parseInt(p.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot list " + fdDir + " to check open resources before a checkpoint: " + e, e);
    }
    fds.sort(Comparator.naturalOrder());

    SocketTable sockets = null;
    List<OpenResource> resources = new ArrayList<>();
    Map<String, Set<Integer>> pipeModes = new HashMap<>();
    for (int fd : fds) {
      String target;
      try {
        target = Files.readSymbolicLink(fdDir.resolve(Integer.toString(fd))).toString();
      } catch (IOException e) {
        continue; // closed meanwhile
      }
      if (target.startsWith("socket:[") && sockets == null) {
        sockets = SocketTable.load(proc.resolve("net"));
      }
      OpenResource r = classify(fd, target, sockets);
      if (r.kind() == OpenResource.Kind.PIPE && target.startsWith("pipe:[")) {
        pipeModes.computeIfAbsent(target, t -> new HashSet<>()).add(accessMode(fd));
      }
      resources.add(r);
    }
    Set<String> restorable = new HashSet<>();
    pipeModes.forEach((pipe, modes) -> {
      if (modes.contains(0) && modes.contains(1)) {
        restorable.add(pipe);
      }
    });
    for (OpenResource r : resources) {
      if (r.kind() == OpenResource.Kind.SOCKET && sockets.isPeerClosedUnixSocket(inodeOf(r.target()))) {
        restorable.add(r.target());
      }
    }
    return new Scan(List.copyOf(resources), restorable);
  }

  private OpenResource classify(int fd, String target, SocketTable sockets) {
    if (target.startsWith("socket:[")) {
      long inode = inodeOf(target);
      String description = sockets.describe(inode)
          .orElse("socket " + target + " (not in /proc/net/{tcp,tcp6,udp,udp6,unix,netlink})");
      return new OpenResource(fd, OpenResource.Kind.SOCKET, target, description);
    }
    if (target.startsWith("pipe:[")) {
      String end = switch (accessMode(fd)) {
        case 0 -> " (read end)";
        case 1 -> " (write end)";
        default -> "";
      };
      return new OpenResource(fd, OpenResource.Kind.PIPE, target, target + end);
    }
    if (target.startsWith("anon_inode:")) {
      return new OpenResource(fd, OpenResource.Kind.ANON_INODE, target,
          "anonymous inode " + target.substring("anon_inode:".length()));
    }
    if (!target.startsWith("/")) {
      return new OpenResource(fd, OpenResource.Kind.OTHER, target, target);
    }
    if (target.endsWith(" (deleted)")) {
      return new OpenResource(fd, OpenResource.Kind.FILE, target, "deleted file " + target);
    }
    BasicFileAttributes attributes;
    try {
      // Through the fd link: the attributes of the open file itself.
      attributes = Files.readAttributes(proc.resolve("fd").resolve(Integer.toString(fd)),
          BasicFileAttributes.class);
    } catch (IOException e) {
      return new OpenResource(fd, OpenResource.Kind.FILE, target, "file " + target);
    }
    if (attributes.isDirectory()) {
      return new OpenResource(fd, OpenResource.Kind.DIRECTORY, target, "directory " + target);
    }
    if (attributes.isRegularFile()) {
      return new OpenResource(fd, OpenResource.Kind.FILE, target, "file " + target);
    }
    if (target.startsWith("/dev/")) {
      String what = target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") ? "terminal " : "device ";
      return new OpenResource(fd, OpenResource.Kind.DEVICE, target, what + target);
    }
    return new OpenResource(fd, OpenResource.Kind.PIPE, target, "FIFO " + target);
  }

  /** The number in {@code socket:[4711]} or {@code pipe:[4711]}. */
  private static long inodeOf(String target) {
    return Long.parseLong(target.substring(target.indexOf('[') + 1, target.length() - 1));
  }

  /** O_RDONLY 0, O_WRONLY 1, O_RDWR 2, from {@code /proc/self/fdinfo}; -1 when unknown. */
  private int accessMode(int fd) {
    try {
      for (String line : Files.readAllLines(proc.resolve("fdinfo").resolve(Integer.toString(fd)),
          StandardCharsets.UTF_8)) {
        if (line.startsWith("flags:")) {
          return Integer.parseInt(line.substring(6).strip(), 8) & 3;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Unknown: the pipe is then not counted as self-contained.
    }
    return -1;
  }
}
