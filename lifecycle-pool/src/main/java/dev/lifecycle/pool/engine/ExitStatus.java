package dev.lifecycle.pool.engine;

import java.util.Map;

/** Puts a process's end into words. */
public final class ExitStatus {

  private static final Map<Integer, String> SIGNALS = Map.of(
      1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV",
      13, "SIGPIPE", 15, "SIGTERM");

  private ExitStatus() {}

  /** A JDK exit value: 0-127 an exit code, 128 + n the shell's way of saying signal n. */
  public static String ofExitValue(int value) {
    if (value > 128 && value < 128 + 65) {
      return "exited with status " + value + " (" + signal(value - 128) + ")";
    }
    return "exited with status " + value;
  }

  /** A raw status as {@code waitpid(2)} reports it (and {@code /proc/<pid>/stat} field 52). */
  public static String ofWaitStatus(int status) {
    int signal = status & 0x7f;
    if (signal == 0) {
      return "exited with status " + ((status >> 8) & 0xff);
    }
    return "was killed by " + signal(signal);
  }

  private static String signal(int number) {
    String name = SIGNALS.get(number);
    return "signal " + number + (name == null ? "" : ", " + name);
  }
}
