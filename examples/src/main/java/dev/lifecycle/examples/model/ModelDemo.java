package dev.lifecycle.examples.model;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.spi.HookPhase;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo: runs {@link SentimentService} through its whole lifecycle in a container, calls it a
 * few times, stops it, and prints what happened, phase by phase, with durations.
 *
 * <p>Run it with {@code scripts/demo.sh}. This is an application, so it prints to {@code
 * System.out}; the library itself only logs.
 */
public final class ModelDemo {

  static final List<String> REVIEWS = List.of(
      "a wonderful, moving film",
      "boring and far too long",
      "the plot was not bad at all",
      "the acting was dull but the story was wonderful",
      "I did not enjoy it");

  private ModelDemo() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}; returns the timeline for whoever wants more. */
  static Timeline run(PrintStream out) {
    out.println("Lifecycle demo: a sentiment model in a container");
    out.println();
    out.println("Starting a container of SentimentService: @Enter(snap = true) trains the model,");
    out.println("then @Enter gives the container its id.");

    Timeline timeline = new Timeline();
    long startedAt = System.nanoTime();
    Container<SentimentService> container =
        Container.builder(SentimentService.class).listener(timeline).start();
    long startMillis = millis(System.nanoTime() - startedAt);
    out.printf(Locale.ROOT, "Container %s started in %d ms.%n%n", container.id(), startMillis);

    try (container) {
      out.println("Calls");
      for (String review : REVIEWS) {
        long t = System.nanoTime();
        Object result = container.call("predict", review);
        out.printf(Locale.ROOT, "  predict(%-51s -> %-17s %4d ms%n",
            '"' + review + "\")", result, millis(System.nanoTime() - t));
      }
      long t = System.nanoTime();
      SentimentService.Info info = SentimentServiceClient.of(container).info(); // typed, generated
      out.printf(Locale.ROOT, "  %-81s %4d ms%n", "info()", millis(System.nanoTime() - t));
      printInfo(info, out);
      out.println();
      out.println("Stopping the container: its @Exit hook runs.");
    }

    out.println();
    printTimeline(timeline, out);
    out.println();
    Duration modelLoading = timeline.hooks().stream()
        .filter(run -> run.hook().phase() == HookPhase.ENTER_BEFORE_SNAPSHOT)
        .map(Timeline.HookRun::duration)
        .reduce(Duration.ZERO, Duration::plus);
    out.printf(Locale.ROOT, "Loading the model (@Enter(snap = true)) took %d ms of the %d ms start:%n"
            + "the work a memory snapshot lets every later container skip.%n",
        modelLoading.toMillis(), startMillis);
    return timeline;
  }

  private static void printInfo(SentimentService.Info info, PrintStream out) {
    ModelStats model = info.model();
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("containerId", info.containerId());
    shown.put("predictions", info.predictions());
    shown.put("trainingDocuments", model.trainingDocuments());
    shown.put("heldOutAccuracy", String.format(Locale.ROOT, "%.4f", model.heldOutAccuracy()));
    shown.put("checksum", model.checksum());
    shown.put("trainingMillis", model.trainingTime().toMillis());
    shown.forEach((key, value) -> out.printf(Locale.ROOT, "      %-18s %s%n", key, value));
  }

  /** Phases with their hooks beneath them: when each began, how long it took, and why. */
  static void printTimeline(Timeline timeline, PrintStream out) {
    printTimeline(timeline.events(), timeline.hooks(), out);
  }

  /** As {@link #printTimeline(Timeline, PrintStream)}, for events reported by a worker JVM. */
  static void printTimeline(
      List<PhaseEvent> phases, List<Timeline.HookRun> hooks, PrintStream out) {
    if (phases.isEmpty()) {
      return;
    }
    long origin = phases.get(0).nanoTime();
    line(out, String.format(Locale.ROOT, "%-50s %10s %9s", "Timeline", "at", "took"));
    int hook = 0;
    for (int i = 0; i < phases.size(); i++) {
      PhaseEvent phase = phases.get(i);
      boolean last = i + 1 == phases.size();
      long end = last ? Long.MAX_VALUE : phases.get(i + 1).nanoTime();
      line(out, String.format(Locale.ROOT, "  %-48s %7d ms %9s  %s", phase.phase(),
          millis(phase.nanoTime() - origin),
          last ? "" : millis(end - phase.nanoTime()) + " ms",
          phase.detail()));
      for (; hook < hooks.size() && hooks.get(hook).startNanos() < end; hook++) {
        Timeline.HookRun run = hooks.get(hook);
        String declaringClass = run.hook().declaringClass();
        String name = declaringClass.substring(declaringClass.lastIndexOf('.') + 1) + "."
            + run.hook().methodName() + "()";
        line(out, String.format(Locale.ROOT, "    %-46s %7d ms %9s  %s",
            run.hook().phase().annotation() + " " + name,
            millis(run.startNanos() - origin), run.duration().toMillis() + " ms",
            run.failure() == null ? "" : "threw " + run.failure()));
      }
    }
  }

  private static void line(PrintStream out, String line) {
    out.println(line.stripTrailing());
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
