package dev.lifecycle.cli;

import java.util.Objects;

/**
 * One line of the doctor's report.
 *
 * @param status how it went
 * @param check what was checked, e.g. {@code criu check}
 * @param detail what was found
 * @param fix what to do about it; empty when nothing is to be done
 */
record Finding(Status status, String check, String detail, String fix) {

  /** How a check went; only {@link #FAIL} makes the doctor exit with 1. */
  enum Status {
    /** Fine. */
    OK,
    /** Works, but worse than it could (slower, or fails later). */
    WARN,
    /** Snapshots do not work here until this is fixed. */
    FAIL,
    /** Not checked, because a check it depends on failed. */
    SKIP
  }

  Finding {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
  }

  static Finding ok(String check, String detail) {
    return new Finding(Status.OK, check, detail, "");
  }

  static Finding warn(String check, String detail, String fix) {
    return new Finding(Status.WARN, check, detail, fix);
  }

  static Finding fail(String check, String detail, String fix) {
    return new Finding(Status.FAIL, check, detail, fix);
  }

  static Finding skip(String check, String detail) {
    return new Finding(Status.SKIP, check, detail, "");
  }

  /** {@code FAIL criu check: ... fix: ...}, one line. */
  String line() {
    String text = String.format("%-4s %-24s %s", status, check, detail);
    return fix.isEmpty() ? text : text + " -- fix: " + fix;
  }
}
