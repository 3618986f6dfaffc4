package dev.lifecycle.runtime.internal.safety;

import java.util.List;

/**
 * The check a worker runs right before it is checkpointed: refuse, with every offending
 * descriptor named, when the process holds resources it does not own.
 *
 * <p>A process checkpoint could take many of them, but the result would be wrong or fragile: a
 * restored clone would find a regular file changed since the checkpoint (CRIU then refuses the
 * restore), a listening
 * port already taken by the original or by another clone, a TCP connection whose peer never heard
 * of the clone. Opening such resources after the restore, in a post-snapshot {@code @Enter} hook,
 * is the robust design, and this check tells users so before the engine fails with a less
 * helpful message.
 */
public final class CheckpointSafety {

  private CheckpointSafety() {}

  /**
   * Checks this process with {@link OpenResourceScanner#forCurrentJvm()}.
   *
   * @throws UnsafeCheckpointException naming each resource that is not the JVM's own
   */
  public static void check() throws UnsafeCheckpointException {
    check(OpenResourceScanner.forCurrentJvm());
  }

  /**
   * Checks with {@code scanner}, e.g. one that also allows the runtime's own files.
   *
   * @throws UnsafeCheckpointException naming each resource that is not allowed
   */
  public static void check(OpenResourceScanner scanner) throws UnsafeCheckpointException {
    List<OpenResource> offenders = scanner.unownedResources();
    for (int look = 1; look < LOOKS && !offenders.isEmpty(); look++) {
      // The JVM opens some files for a moment (its container support reads cgroup files such as
      // memory.limit_in_bytes): a scan can catch one. Only what stays open is the application's.
      pause();
      List<OpenResource> again = scanner.unownedResources();
      offenders = offenders.stream().filter(again::contains).toList();
    }
    if (!offenders.isEmpty()) {
      throw new UnsafeCheckpointException(offenders);
    }
  }

  /** How many scans a descriptor must appear in to count as held. */
  private static final int LOOKS = 3;

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
