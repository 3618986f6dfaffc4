package dev.lifecycle.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@code @Batched} method is called: callers pass one {@code input} and get one result of
 * {@code outputType}; the container calls the method with up to {@code maxBatchSize} inputs at
 * once, waiting at most {@code maxWait} for a batch to fill.
 *
 * @param maxBatchSize the most inputs in one call; at least 1
 * @param maxWait how long the first input of a batch waits for more
 * @param input what a caller passes: the element type of the method's {@code List<T>} parameter
 * @param outputType the erased element type of the method's {@code List<R>} result
 * @param genericOutputType that element type as source spells it
 */
public record Batching(
    int maxBatchSize, Duration maxWait, ParameterDescriptor input, Class<?> outputType,
    String genericOutputType) {

  public Batching {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1, but is " + maxBatchSize);
    }
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(genericOutputType, "genericOutputType");
  }
}
