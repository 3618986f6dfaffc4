package dev.lifecycle.runtime.spi;

import dev.lifecycle.runtime.MethodFailedException;
import java.util.concurrent.CompletableFuture;

/** What generated clients ({@code <Service>Client}) use to call through a {@code ServiceCaller}. */
public final class ClientCalls {

  private ClientCalls() {}

  /**
   * Throws the method's own exception when it is of {@code declared}, a type the method's {@code
   * throws} clause names: a typed client's caller catches it as the method declares it.
   */
  public static <X extends Throwable> void rethrowIf(MethodFailedException failed, Class<X> declared)
      throws X {
    if (declared.isInstance(failed.getCause())) {
      throw declared.cast(failed.getCause());
    }
  }

  /**
   * {@code future} as a future of the method's result type, which the caller has already decoded
   * the result to.
   */
  @SuppressWarnings("unchecked") // the caller gives the declared type; a generic one is erased
  public static <R> CompletableFuture<R> typed(CompletableFuture<Object> future) {
    return (CompletableFuture<R>) (CompletableFuture<?>) future;
  }
}
