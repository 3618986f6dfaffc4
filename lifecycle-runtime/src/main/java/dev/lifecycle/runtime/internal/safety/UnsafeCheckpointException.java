package dev.lifecycle.runtime.internal.safety;

import java.util.List;

/**
 * A checkpoint was refused because the process holds open resources a memory snapshot cannot
 * carry over to its clones: application files, sockets, pipes to other processes.
 *
 * <p>The message names each one (fd, path or socket address) and says where it belongs instead: in
 * a post-snapshot {@code @Enter} hook, which runs in every clone after the restore, closed again in
 * an {@code @Exit} hook.
 */
public final class UnsafeCheckpointException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<OpenResource> offenders;

  public UnsafeCheckpointException(List<OpenResource> offenders) {
    super(message(offenders));
    this.offenders = List.copyOf(offenders);
  }

  /** The resources that made the checkpoint unsafe, by fd number. */
  public List<OpenResource> offenders() {
    return offenders;
  }

  private static String message(List<OpenResource> offenders) {
    StringBuilder sb = new StringBuilder("Cannot take a memory snapshot: this process holds ")
        .append(offenders.size() == 1 ? "an open resource" : offenders.size() + " open resources")
        .append(" that a snapshot cannot carry over to the containers restored from it:");
    for (OpenResource r : offenders) {
      sb.append("\n  - ").append(r);
    }
    sb.append("\nOpen ").append(offenders.size() == 1 ? "it" : "them")
        .append(" in a post-snapshot hook (@Enter without snap = true), which runs in every"
            + " restored container, instead of in an @Enter(snap = true) hook or a constructor, and"
            + " close ").append(offenders.size() == 1 ? "it" : "them").append(" in an @Exit hook.");
    return sb.toString();
  }
}
