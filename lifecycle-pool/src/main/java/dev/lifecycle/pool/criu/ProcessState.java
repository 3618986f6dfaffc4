package dev.lifecycle.pool.criu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, from {@code /proc/<pid>/stat}, the conditions under which criu refuses a dump with a
 * message that does not say how to fix it.
 */
final class ProcessState {

  private ProcessState() {}

  static void requireDumpable(long pid, boolean shellJob, String what) throws CriuException {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CriuException(what + " failed: there is no process " + pid, null, e);
    }
    long session = sessionId(stat);
    if (!shellJob && session != pid) {
      // Without this check criu says "A session leader of <pid> is outside of its pid namespace".
      throw new CriuException(
          what + " refused: process " + pid + " is not a session leader (its session is " + session
              + "), so its session cannot be part of the image. Start it with setsid (for clones:"
              + " unshare --pid --fork setsid java ...), or dump and restore with shellJob",
          null);
    }
  }

  /** The session id in a {@code /proc/<pid>/stat} line; the command name may hold spaces. */
  static long sessionId(String stat) {
    // pid (comm) state ppid pgrp session ...
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[3]);
  }
}
