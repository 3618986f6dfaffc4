package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class used as a function: it implements {@link java.util.function.Function}, and the
 * container calls its {@code apply} method once per input, between its {@link Enter} and {@link
 * Exit} hooks.
 *
 * <p>The same rules as for {@link Service} apply to the class and its hooks; it has no {@link
 * Method}s, since {@code apply} is its only entry point, which callers reach by the name {@code
 * "apply"}. The name avoids a clash with {@code java.util.function.Function}, which the class
 * implements.
 *
 * <pre>{@code
 * @FunctionService
 * public class WordCounter implements Function<String, Integer> {
 *   private int processed;
 *   @Enter void start() { processed = 0; }
 *   public Integer apply(String text) { processed++; return text.split("\\s+").length; }
 *   @Exit void report() { log.info("processed {} inputs", processed); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FunctionService {

  /** As {@link Service#enableMemorySnapshot()}. */
  boolean enableMemorySnapshot() default false;

  /** As {@link Service#maxConcurrentInputs()}. */
  int maxConcurrentInputs() default 1;

  /** As {@link Service#inputTimeoutSeconds()}. */
  int inputTimeoutSeconds() default 300;

  /** As {@link Service#exitGracePeriodSeconds()}. */
  int exitGracePeriodSeconds() default 30;
}
