package dev.lifecycle.runtime;

import dev.lifecycle.runtime.internal.MappedCalls;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Calls a service's {@code @Method}s by name: an in-JVM {@link Container} and a pool of worker
 * JVMs ({@code dev.lifecycle.pool.ContainerPool}) both are one, so that code, tests and the
 * generated {@code <Service>Client} work with either unchanged.
 *
 * <p>A call means the same through every caller: the same argument rule, the same exceptions
 * ({@link MethodFailedException} with the method's exception as its cause, {@link
 * InputTimeoutException}, {@link UnknownMethodException}, {@link ArgumentMismatchException},
 * ...), the same result types.
 */
public interface ServiceCaller {

  /**
   * Calls {@code method} and waits for its result ({@code null} for {@code void}). A method that
   * returns a {@code Stream} answers at once with a stream of its items as they are made; close
   * it when not reading it to the end.
   *
   * @param args the arguments in declaration order; primitives boxed
   */
  Object call(String method, Object... args);

  /**
   * Calls {@code method} without waiting: the future completes with the result, or with the
   * exception {@link #call} would throw. Cancelling it (with or without interruption) interrupts
   * the input in its container and frees its input slot once the method returns; a call still
   * waiting for a slot never starts.
   */
  CompletableFuture<Object> callAsync(String method, Object... args);

  /**
   * Calls {@code method} once for each of {@code inputs}, its one argument, and streams the
   * results in input order; see {@link #map(String, Iterable, MapOptions)}.
   */
  default Stream<Object> map(String method, Iterable<?> inputs) {
    return map(method, inputs, MapOptions.defaults());
  }

  /**
   * Calls {@code method} once for each of {@code inputs}, its one argument, as asynchronous calls
   * spread over the containers (a pool scales up for them as for any calls), and streams the
   * results: in input order unless {@link MapOptions#unordered()}. At most {@link
   * MapOptions#maxInFlight()} inputs are in flight: the next input is taken as a result is
   * handed over, so neither inputs nor results pile up, for a million inputs either. A failed
   * input ends the stream with its exception, as a call would throw it, and cancels the calls in
   * flight, unless {@link MapOptions#returningExceptions()}: then its exception is the result in
   * its place. Closing the stream early cancels the calls in flight; close it (try-with-resources)
   * when not reading it to the end.
   */
  default Stream<Object> map(String method, Iterable<?> inputs, MapOptions options) {
    return MappedCalls.stream(this, method, inputs.iterator(), input -> new Object[] {input}, options);
  }

  /**
   * As {@link #map(String, Iterable, MapOptions)}, for a method of several parameters: each of
   * {@code inputs} is the arguments of one call, in declaration order (Modal's {@code starmap}).
   */
  default Stream<Object> starmap(String method, Iterable<? extends List<?>> inputs, MapOptions options) {
    return MappedCalls.stream(this, method, inputs.iterator(), List::toArray, options);
  }
}
