package dev.lifecycle.pool;

import dev.lifecycle.runtime.Timeline;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of a {@link ContainerPool}, as of when it was asked for.
 *
 * @param containerId the pool's id for it, e.g. {@code Model-2}; also what the service reads as
 *     {@code RestoreEnvironment.containerId()}
 * @param pid the worker JVM's pid as the supervisor sees it; -1 before its process exists
 * @param startKind how it came to run (known for sure once it is {@link State#READY})
 * @param state where it is
 * @param requestedAt when the pool asked for it
 * @param startDuration from "requested" to "ready to serve", once ready: for a restore this
 *     includes the engine's restore, the restore-state hand-over, the reconnection and the
 *     post-snapshot hooks
 * @param restoreDuration how long the snapshot engine's restore itself took, for restored
 *     containers
 * @param snapshotOutcome what the worker's snapshot step did (e.g. {@code "restored: ..."}); empty
 *     for services without a memory snapshot or before it is ready
 * @param timeline the phases and hooks the worker reported, with their times (live: it keeps
 *     growing while the container runs and stops). A restored container's timeline begins after
 *     the snapshot point
 * @param logFile where the worker's standard output and error go; unless the pool was given a
 *     {@code workDirectory}, deleted once the container ended (its lines are in the log)
 * @param webAddress where the container itself serves its {@code @WebEndpoint}s and {@code
 *     @WebApp}, once ready; empty for services without them. Clients normally use the pool's
 *     {@link ContainerPool#webAddress()}, which spreads requests over the containers
 */
public record ContainerInfo(
    String containerId,
    long pid,
    StartKind startKind,
    State state,
    Instant requestedAt,
    Optional<Duration> startDuration,
    Optional<Duration> restoreDuration,
    String snapshotOutcome,
    Timeline timeline,
    Path logFile,
    Optional<URI> webAddress) {

  /** Where a container is in the pool. */
  public enum State {
    /** Launched or being restored; not serving yet. */
    STARTING,
    /** Serving calls. */
    READY,
    /** Asked to stop: running its exit hooks. */
    STOPPING,
    /** Its worker JVM is gone. */
    ENDED
  }

  public ContainerInfo {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(startKind, "startKind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(startDuration, "startDuration");
    Objects.requireNonNull(restoreDuration, "restoreDuration");
    Objects.requireNonNull(snapshotOutcome, "snapshotOutcome");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(webAddress, "webAddress");
  }

  /** {@code Model-2 RESTORED pid 4711, ready after 143 ms (restore 98 ms)}. */
  @Override
  public String toString() {
    return containerId + " " + startKind + " pid " + pid + ", " + state.name().toLowerCase(java.util.Locale.ROOT)
        + startDuration.map(d -> ", ready after " + d.toMillis() + " ms").orElse("")
        + restoreDuration.map(d -> " (restore " + d.toMillis() + " ms)").orElse("");
  }
}
