package dev.lifecycle.pool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A pool's scaling at one moment: its bounds, how its containers are occupied, and its latest
 * decisions. From {@link ContainerPool#state()}.
 *
 * @param minContainers the containers it keeps at least
 * @param maxContainers the containers it runs at most
 * @param bufferContainers the idle containers it keeps above those serving calls (within the maximum)
 * @param scaledownWindow how long a container above the minimum and the buffer may stay idle
 * @param busy containers serving at least one input now
 * @param idle containers ready for an input and serving none
 * @param starting containers being started (launched or restored), for callers or for the pool
 * @param recentDecisions the latest scaling decisions, oldest first (at most {@value #DECISIONS_KEPT})
 */
public record PoolState(
    int minContainers,
    int maxContainers,
    int bufferContainers,
    Duration scaledownWindow,
    int busy,
    int idle,
    int starting,
    List<ScalingDecision> recentDecisions) {

  /** How many decisions a pool remembers. */
  public static final int DECISIONS_KEPT = 100;

  public PoolState {
    Objects.requireNonNull(scaledownWindow, "scaledownWindow");
    recentDecisions = List.copyOf(recentDecisions);
  }
}
