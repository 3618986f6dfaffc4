package dev.lifecycle.runtime.supervisor;

import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A container's phases and hooks as its worker JVM reported them, with the worker's own times, so
 * offsets and durations are right however late the reports arrive. Renders like {@link Timeline}.
 * A restored container's timeline begins after the snapshot point. Thread-safe.
 */
public final class WorkerTimeline {

  private final List<PhaseEvent> phases = new ArrayList<>();
  private final List<Timeline.HookRun> hooks = new ArrayList<>();

  synchronized void phase(PhaseEvent event) {
    phases.add(event);
  }

  synchronized void hook(Timeline.HookRun run) {
    hooks.add(run);
  }

  /** The phase events so far, in order. */
  public synchronized List<PhaseEvent> events() {
    return List.copyOf(phases);
  }

  /** The phases entered so far, in order. */
  public synchronized List<Phase> phases() {
    return phases.stream().map(PhaseEvent::phase).toList();
  }

  /** The hooks that ran so far, in the order they finished. */
  public synchronized List<Timeline.HookRun> hooks() {
    return List.copyOf(hooks);
  }

  /** How long the container spent in {@code phase}; zero if it never got there or is still there. */
  public synchronized Duration timeIn(Phase phase) {
    for (int i = 0; i + 1 < phases.size(); i++) {
      if (phases.get(i).phase() == phase) {
        return Duration.ofNanos(phases.get(i + 1).nanoTime() - phases.get(i).nanoTime());
      }
    }
    return Duration.ZERO;
  }

  /** One line per phase, its hooks indented below it, each with its offset and duration. */
  public synchronized String render() {
    if (phases.isEmpty()) {
      return "";
    }
    long origin = phases.get(0).nanoTime();
    List<Timeline.HookRun> byStart = new ArrayList<>(hooks);
    byStart.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
    StringBuilder out = new StringBuilder();
    int hook = 0;
    for (int i = 0; i < phases.size(); i++) {
      PhaseEvent event = phases.get(i);
      boolean last = i + 1 == phases.size();
      long end = last ? Long.MAX_VALUE : phases.get(i + 1).nanoTime();
      String length = last ? "" : millis(end - event.nanoTime());
      String detail = event.detail().isEmpty() ? "" : "  " + event.detail();
      out.append(String.format(Locale.ROOT, "%8s  %-26s %9s%s%n",
          millis(event.nanoTime() - origin), event.phase(), length, detail));
      while (hook < byStart.size() && byStart.get(hook).startNanos() < end) {
        Timeline.HookRun run = byStart.get(hook++);
        out.append(String.format(Locale.ROOT, "%8s    %s %s  %s%s%n",
            millis(run.startNanos() - origin), run.hook().phase().annotation(),
            run.hook().displayName(), millis(run.duration().toNanos()),
            run.failure() == null ? "" : "  threw " + run.failure().getMessage()));
      }
    }
    return out.toString();
  }

  private static String millis(long nanos) {
    return Math.max(0, nanos) / 1_000_000 + " ms";
  }

  @Override
  public String toString() {
    return render();
  }
}
