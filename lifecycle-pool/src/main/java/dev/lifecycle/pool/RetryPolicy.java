package dev.lifecycle.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * When a pool calls an input again: after its container died or was lost during it (a {@link
 * WorkerDiedException}: the worker JVM crashed, was killed, or hung and was replaced), at most
 * {@code maxRetries} times, waiting before each retry {@code initialDelay}, then {@code
 * backoffFactor} times longer, at most {@code maxDelay}. A call whose method threw is not called
 * again unless {@link #includingMethodFailures()}: its failure is the method's answer. When every
 * attempt fails, the last failure is thrown, with the earlier ones as its suppressed exceptions.
 *
 * @param maxRetries calls beyond the first; 0: none (the default)
 * @param initialDelay the wait before the first retry
 * @param backoffFactor how much longer each further wait is, at least 1
 * @param maxDelay the longest wait
 * @param methodFailures whether a method's own exception ({@code MethodFailedException}) is
 *     retried too
 */
public record RetryPolicy(
    int maxRetries,
    Duration initialDelay,
    double backoffFactor,
    Duration maxDelay,
    boolean methodFailures) {

  private static final Duration DEFAULT_DELAY = Duration.ofMillis(100);
  private static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxRetries < 0) {
      throw new IllegalArgumentException(
          "RetryPolicy.maxRetries must be 0 or more, but is " + maxRetries + ".");
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("RetryPolicy delays must not be negative, but are "
          + initialDelay + " and at most " + maxDelay + ".");
    }
    if (!(backoffFactor >= 1)) {
      throw new IllegalArgumentException(
          "RetryPolicy.backoffFactor must be at least 1, but is " + backoffFactor + ".");
    }
  }

  /** No retries: every failure is the call's. */
  public static RetryPolicy none() {
    return of(0);
  }

  /** Up to {@code maxRetries} retries of inputs whose container was lost: 100 ms, doubling, at most 10 s. */
  public static RetryPolicy of(int maxRetries) {
    return new RetryPolicy(maxRetries, DEFAULT_DELAY, 2.0, DEFAULT_MAX_DELAY, false);
  }

  /** The waits: {@code initial} before the first retry, times {@code factor} after, at most {@code max}. */
  public RetryPolicy backoff(Duration initial, double factor, Duration max) {
    return new RetryPolicy(maxRetries, initial, factor, max, methodFailures);
  }

  /** Retries calls whose method threw, too. */
  public RetryPolicy includingMethodFailures() {
    return new RetryPolicy(maxRetries, initialDelay, backoffFactor, maxDelay, true);
  }

  /** The wait before retry {@code retry} (1 for the first). */
  public Duration delayBefore(int retry) {
    double nanos = initialDelay.toNanos() * Math.pow(backoffFactor, retry - 1);
    return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
  }
}
