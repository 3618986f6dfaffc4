package dev.lifecycle.it;

import dev.lifecycle.runtime.Container;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A call made on a thread of its own, so the test can watch it wait, finish or fail. */
final class Caller {

  final Thread thread;
  private final CompletableFuture<Object> result = new CompletableFuture<>();

  private Caller(Container<?> container, String method, Object... args) {
    thread = new Thread(() -> {
      try {
        result.complete(container.call(method, args));
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }, "caller-" + method + "-" + (args.length > 0 ? args[0] : ""));
    thread.start();
  }

  static Caller call(Container<?> container, String method, Object... args) {
    return new Caller(container, method, args);
  }

  /** The call's result; fails the test if the call threw. */
  Object result() throws Exception {
    return result.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
  }

  /** What the call threw; fails the test if it returned. */
  Throwable failure() throws Exception {
    try {
      Object value = result.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("expected the call to fail, but it returned " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  boolean isDone() {
    return result.isDone();
  }
}
