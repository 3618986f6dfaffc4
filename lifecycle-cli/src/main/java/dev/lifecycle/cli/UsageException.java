package dev.lifecycle.cli;

/** The command line is wrong: the message says what and how to write it (exit code 2). */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
