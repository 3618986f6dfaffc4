package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records a container's phases and hooks as they happen and renders them with durations:
 *
 * <pre>
 *      0 ms  CREATED                        1 ms
 *      1 ms  ENTERING_BEFORE_SNAPSHOT    1012 ms
 *      1 ms    @Enter(snap = true) com.example.MLModel.load()   1011 ms
 *   1013 ms  SNAPSHOT                       0 ms  engine none
 *   ...
 * </pre>
 *
 * Register it with {@link ContainerBuilder#listener}. Thread-safe.
 */
public final class Timeline implements ContainerListener {

  /**
   * A hook that ran.
   *
   * @param hook the hook
   * @param startNanos {@link System#nanoTime()} when it started
   * @param duration how long it ran
   * @param failure what it threw, or {@code null}
   */
  public record HookRun(HookDescriptor hook, long startNanos, Duration duration, Throwable failure) {}

  private final List<PhaseEvent> phases = new ArrayList<>();
  private final List<HookRun> hooks = new ArrayList<>();

  @Override
  public synchronized void phaseChanged(PhaseEvent event) {
    phases.add(event);
  }

  @Override
  public synchronized void hookFinished(HookDescriptor hook, Duration duration, Throwable failure) {
    hooks.add(new HookRun(hook, System.nanoTime() - duration.toNanos(), duration, failure));
  }

  /**
   * Records a hook that ran with its own start time: for runs reported later, by another process
   * (a worker JVM's {@code System.nanoTime()} reads the same monotonic clock on this machine).
   */
  public synchronized void hookRan(HookRun run) {
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
  public synchronized List<HookRun> hooks() {
    return List.copyOf(hooks);
  }

  /**
   * How long the container spent in {@code phase}: until the next phase began, or until now if it
   * is still there; zero if it never got there.
   */
  public synchronized Duration timeIn(Phase phase) {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).phase() == phase) {
        long end = i + 1 < phases.size() ? phases.get(i + 1).nanoTime() : System.nanoTime();
        return Duration.ofNanos(end - phases.get(i).nanoTime());
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
    StringBuilder out = new StringBuilder();
    int hook = 0;
    for (int i = 0; i < phases.size(); i++) {
      PhaseEvent event = phases.get(i);
      boolean last = i + 1 == phases.size();
      long end = last ? event.nanoTime() : phases.get(i + 1).nanoTime();
      String length = last ? "" : millis(end - event.nanoTime());
      String detail = event.detail().isEmpty() ? "" : "  " + event.detail();
      line(out, String.format(Locale.ROOT, "%8s  %-50s %9s%s",
          millis(event.nanoTime() - origin), event.phase(), length, detail));
      while (hook < hooks.size() && (last || hooks.get(hook).startNanos() < end)) {
        HookRun run = hooks.get(hook++);
        String declaringClass = run.hook().declaringClass();
        String label = run.hook().phase().annotation() + " "
            + declaringClass.substring(declaringClass.lastIndexOf('.') + 1) + "."
            + run.hook().methodName() + "()";
        line(out, String.format(Locale.ROOT, "%8s    %-48s %9s%s",
            millis(run.startNanos() - origin), label, millis(run.duration().toNanos()),
            run.failure() == null ? "" : "  threw " + ContainerException.describe(run.failure())));
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append(text.stripTrailing()).append(System.lineSeparator());
  }

  private static String millis(long nanos) {
    return Math.max(0, nanos) / 1_000_000 + " ms";
  }

  @Override
  public String toString() {
    return render();
  }
}
