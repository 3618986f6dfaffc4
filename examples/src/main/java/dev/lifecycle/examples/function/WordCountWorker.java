package dev.lifecycle.examples.function;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.FunctionService;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A worker used as a function: the container calls {@link #apply} once per input, between an
 * enter hook that starts the count and an exit hook that reports it.
 *
 * <p>{@code @FunctionService} marks a class that implements {@link Function}; callers reach its
 * single entry point by the name {@code "apply"}. Up to four inputs run at once, so the count is
 * a {@link LongAdder}, which many threads can increment without contention or lost updates.
 */
@FunctionService(maxConcurrentInputs = 4)
public class WordCountWorker implements Function<String, Integer> {

  private static final System.Logger LOG = System.getLogger(WordCountWorker.class.getName());

  private final LongAdder processed = new LongAdder();
  private final LongAdder words = new LongAdder();
  private long startedAt;
  private volatile String report;

  @Enter
  void start() {
    startedAt = System.nanoTime();
    LOG.log(Level.INFO, "Word count worker ready");
  }

  /** The number of words in {@code text}. */
  @Override
  public Integer apply(String text) {
    String trimmed = text.strip();
    int count = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    words.add(count);
    processed.increment();
    return count;
  }

  @Exit
  void reportCount() {
    Duration uptime = Duration.ofNanos(System.nanoTime() - startedAt);
    report = String.format(Locale.ROOT, "processed %d items (%d words) in %d ms",
        processed.sum(), words.sum(), uptime.toMillis());
    LOG.log(Level.INFO, "Word count worker stopping: " + report);
  }

  /** Items processed so far. */
  public long processed() {
    return processed.sum();
  }

  /** What the exit hook reported; {@code null} before it ran. */
  public String report() {
    return report;
  }
}
