package dev.lifecycle.pool;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ContainerPool} does about memory snapshots.
 *
 * @param state where it stands
 * @param detail for people: why there is no snapshot (the reason the single warning gave), or
 *     where the snapshot is
 * @param image the snapshot's directory, when there is one
 * @param imageSize its size in bytes; 0 without one
 */
public record SnapshotStatus(State state, String detail, Optional<Path> image, long imageSize) {

  /** Where a pool stands with snapshots. */
  public enum State {
    /** Not known yet: no container has started, or the first one has not reached its snapshot point. */
    UNDECIDED,
    /** The service takes no memory snapshots ({@code enableMemorySnapshot = false}). */
    NOT_USED,
    /** The first container is being started and checkpointed. */
    BUILDING,
    /** New containers are restores of {@link #image()}. */
    AVAILABLE,
    /** New containers start cold (the snap hooks run in each): {@link #detail()} says why. */
    COLD_FALLBACK
  }

  public SnapshotStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(image, "image");
  }
}
