package dev.lifecycle.runtime.internal.safety;

import java.util.Objects;

/**
 * One open file descriptor of this process, as {@link OpenResourceScanner} classified it.
 *
 * @param fd the descriptor number
 * @param kind what it refers to
 * @param target the raw {@code /proc/self/fd} link: a path, {@code socket:[inode]}, {@code
 *     pipe:[inode]}, {@code anon_inode:[eventpoll]}, ...
 * @param description for people: {@code /tmp/data.bin}, {@code TCP *:8080 (listening)}, {@code
 *     TCP 127.0.0.1:41234 -> 127.0.0.1:5432 (connected)}, {@code pipe:[4711] (read end)}
 */
public record OpenResource(int fd, Kind kind, String target, String description) {

  /** What a descriptor refers to. */
  public enum Kind {
    /** A regular file (possibly deleted). */
    FILE,
    /** An open directory. */
    DIRECTORY,
    /** A character or block device, including terminals. */
    DEVICE,
    /** A socket: TCP, UDP, Unix domain, netlink, ... */
    SOCKET,
    /** One end of a pipe or FIFO. */
    PIPE,
    /** An anonymous inode: epoll, eventfd, timerfd, signalfd, inotify, pidfd, ... */
    ANON_INODE,
    /** Anything else (memfd, ...). */
    OTHER
  }

  public OpenResource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
  }

  /** {@code fd 57: TCP *:8080 (listening)}. */
  @Override
  public String toString() {
    return "fd " + fd + ": " + description;
  }
}
