package dev.lifecycle.runtime;

import java.util.Objects;

/**
 * What the snapshot step did.
 *
 * @param kind what happened
 * @param detail for timelines and logs: why no snapshot was taken, where the image is, ...
 */
public record SnapshotOutcome(Kind kind, String detail) {

  /** What the snapshot step did. */
  public enum Kind {
    /** The engine does not snapshot by design (in-JVM containers). */
    SKIPPED,
    /** The engine tried and could not; the container continues as a cold start. */
    FAILED,
    /** This process was checkpointed and continues as the original. */
    CHECKPOINTED,
    /** This process was restored from a snapshot. */
    RESTORED
  }

  public SnapshotOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  public static SnapshotOutcome skipped(String why) {
    return new SnapshotOutcome(Kind.SKIPPED, why);
  }

  public static SnapshotOutcome failed(String why) {
    return new SnapshotOutcome(Kind.FAILED, why);
  }

  public static SnapshotOutcome checkpointed(String detail) {
    return new SnapshotOutcome(Kind.CHECKPOINTED, detail);
  }

  public static SnapshotOutcome restored(String detail) {
    return new SnapshotOutcome(Kind.RESTORED, detail);
  }

  /** {@code "skipped: no checkpoint engine"}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail;
  }
}
