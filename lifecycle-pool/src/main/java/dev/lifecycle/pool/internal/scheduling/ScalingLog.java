package dev.lifecycle.pool.internal.scheduling;

import dev.lifecycle.pool.PoolState;
import dev.lifecycle.pool.ScalingDecision;
import dev.lifecycle.runtime.events.Recorder;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * Where a pool's scaling decisions go: its log (one line each, at INFO, so that a running pool
 * says why it has the containers it has), the Flight Recorder, and the last {@value
 * PoolState#DECISIONS_KEPT} kept for {@code ContainerPool.state()}. Thread-safe.
 */
public final class ScalingLog {

  private static final System.Logger LOG = System.getLogger("dev.lifecycle.pool.ContainerPool");

  private final String service;
  private final ArrayDeque<ScalingDecision> recent = new ArrayDeque<>();

  public ScalingLog(String service) {
    this.service = service;
  }

  /** Records a decision that took effect now. */
  public void record(ScalingDecision.Action action, ScalingDecision.Reason reason,
      String containerId, int containers, String detail) {
    ScalingDecision decision =
        new ScalingDecision(Instant.now(), action, reason, containerId, containers, detail);
    synchronized (recent) {
      recent.addLast(decision);
      if (recent.size() > PoolState.DECISIONS_KEPT) {
        recent.removeFirst();
      }
    }
    LOG.log(action == ScalingDecision.Action.START_FAILED ? Level.WARNING : Level.INFO,
        () -> "pool of " + service + ": " + detail + " (" + containers
            + (containers == 1 ? " container)" : " containers)"));
    Recorder.scaling(service, action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ("
        + reason.name().toLowerCase(Locale.ROOT) + "): " + detail, containerId, containers);
  }

  /** The kept decisions, oldest first. */
  public List<ScalingDecision> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
