package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.MapOptions;
import dev.lifecycle.runtime.ServiceCaller;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One map of a method over many inputs: each input an asynchronous call, at most {@link
 * MapOptions#maxInFlight()} of them called and not yet handed to the consumer, the next input
 * taken only as a result is handed over, so that neither the inputs nor the results pile up.
 * Closing the stream, or a failure that ends it, cancels the calls in flight.
 *
 * <p>One consumer reads it; a close from another thread waits until a {@code next()} in progress
 * returned.
 */
public final class MappedCalls<I> implements Iterator<Object> {

  private final ServiceCaller caller;
  private final String method;
  private final Iterator<? extends I> inputs;
  /** One input as the arguments of its call. */
  private final Function<? super I, Object[]> arguments;
  private final MapOptions options;
  /** The calls in flight, in input order. Only the consuming thread touches it. */
  private final ArrayDeque<CompletableFuture<Object>> inFlight = new ArrayDeque<>();
  /** For unordered maps: the calls that completed, in the order they did. */
  private final LinkedBlockingQueue<CompletableFuture<Object>> completed = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  private MappedCalls(ServiceCaller caller, String method, Iterator<? extends I> inputs,
      Function<? super I, Object[]> arguments, MapOptions options) {
    this.caller = caller;
    this.method = method;
    this.inputs = inputs;
    this.arguments = arguments;
    this.options = options;
  }

  /**
   * The results of calling {@code method} once for each of {@code inputs}, with the arguments
   * {@code arguments} makes of it.
   */
  public static <I> Stream<Object> stream(ServiceCaller caller, String method,
      Iterator<? extends I> inputs, Function<? super I, Object[]> arguments, MapOptions options) {
    MappedCalls<I> calls = new MappedCalls<>(caller, method, inputs, arguments, options);
    int characteristics = options.ordered() ? Spliterator.ORDERED : 0;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(calls, characteristics), false)
        .onClose(calls::cancelInFlight);
  }

  @Override
  public synchronized boolean hasNext() {
    fill();
    return !inFlight.isEmpty();
  }

  @Override
  public synchronized Object next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more inputs to map over");
    }
    CompletableFuture<Object> next = options.ordered() ? inFlight.poll() : takeCompleted();
    Object result = outcome(next);
    fill(); // the next input goes out before the consumer sees this result: the pipe stays full
    return result;
  }

  private void fill() {
    while (!ended && inFlight.size() < options.maxInFlight() && inputs.hasNext()) {
      CompletableFuture<Object> call = caller.callAsync(method, arguments.apply(inputs.next()));
      inFlight.add(call);
      if (!options.ordered()) {
        call.whenComplete((result, failure) -> completed.add(call));
      }
    }
  }

  private CompletableFuture<Object> takeCompleted() {
    try {
      CompletableFuture<Object> done = completed.take();
      inFlight.remove(done);
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelInFlight();
      throw new CancellationException("The map of '" + method + "' was interrupted while it waited"
          + " for a result; the calls in flight were cancelled.");
    }
  }

  private Object outcome(CompletableFuture<Object> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelInFlight();
      call.cancel(true);
      throw new CancellationException("The map of '" + method + "' was interrupted while it waited"
          + " for a result; the calls in flight were cancelled.");
    } catch (ExecutionException | CompletionException e) {
      Throwable failure = e.getCause();
      if (options.returnExceptions()) {
        return failure;
      }
      cancelInFlight();
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new CompletionException(failure);
    }
  }

  /**
   * Ends the map: no more inputs are taken, and the calls in flight are cancelled. Synchronized:
   * a stream may be closed on another thread than the one reading it.
   */
  private synchronized void cancelInFlight() {
    ended = true;
    for (CompletableFuture<Object> call : inFlight) {
      call.cancel(true);
    }
    inFlight.clear();
  }
}
