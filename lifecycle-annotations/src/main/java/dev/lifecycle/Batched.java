package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups concurrent calls of a {@code @Method} into one call of a batch: the method takes a
 * {@code List<T>} and returns a {@code List<R>}, one result per input in order; callers call it
 * with one {@code T} and get their own {@code R}. The container calls the method once it holds
 * {@link #maxBatchSize()} inputs, or {@link #waitMillis()} after the first input of a batch
 * arrived, whichever comes first. A result list of another size than the batch fails every input
 * of that batch.
 *
 * <pre>{@code
 * @Method @Batched(maxBatchSize = 32, waitMillis = 5)
 * public List<Label> predict(List<String> texts) { return model.predictAll(texts); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Batched {

  /** The most inputs in one call of the method; 1 to 100,000. */
  int maxBatchSize();

  /** How long the first input of a batch waits for more, in milliseconds; 0 to 3,600,000. */
  long waitMillis();
}
