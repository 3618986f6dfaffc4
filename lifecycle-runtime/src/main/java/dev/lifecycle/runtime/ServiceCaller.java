package dev.lifecycle.runtime;

import java.util.concurrent.CompletableFuture;

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
   * Calls {@code method} and waits for its result ({@code null} for {@code void}).
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
}
