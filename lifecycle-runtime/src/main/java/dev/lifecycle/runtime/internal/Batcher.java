package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.BatchResultMismatchException;
import dev.lifecycle.runtime.spi.Batching;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Groups the concurrent inputs of one {@code @Batched} method into batches: a batch is called
 * once it holds {@code maxBatchSize} inputs, or {@code maxWait} after its first input arrived;
 * each input's future then completes with its own result, or with the batch's failure.
 */
public final class Batcher {

  /** Calls the method once with a batch; returns its results, one per input in order. */
  public interface BatchCall {
    List<?> call(List<Object> inputs);
  }

  private record Pending(Object input, CompletableFuture<Object> result) {}

  private final String serviceName;
  private final String method;
  private final Batching batching;
  private final BatchCall batchCall;
  private final Executor runners;
  private final ScheduledExecutorService timer;
  /** Guarded by {@code this}: the batch being filled, and which one it is. */
  private List<Pending> filling = new ArrayList<>();
  private long batchNumber;

  public Batcher(String serviceName, String method, Batching batching, BatchCall batchCall,
      Executor runners, ScheduledExecutorService timer) {
    this.serviceName = serviceName;
    this.method = method;
    this.batching = batching;
    this.batchCall = batchCall;
    this.runners = runners;
    this.timer = timer;
  }

  /** Adds {@code input} to the batch being filled; its future completes with its own result. */
  public CompletableFuture<Object> submit(Object input) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    List<Pending> full = null;
    synchronized (this) {
      filling.add(new Pending(input, result));
      if (filling.size() >= batching.maxBatchSize()) {
        full = take();
      } else if (filling.size() == 1) {
        long number = batchNumber;
        try {
          timer.schedule(() -> flush(number), batching.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
          full = take(); // the container stops: no waiting, the call is refused at once
        }
      }
    }
    if (full != null) {
      dispatch(full);
    }
    return result;
  }

  private synchronized List<Pending> take() {
    List<Pending> batch = filling;
    filling = new ArrayList<>();
    batchNumber++;
    return batch;
  }

  /** The wait of batch {@code number} is over: call it, unless it was called full already. */
  private void flush(long number) {
    List<Pending> batch;
    synchronized (this) {
      if (number != batchNumber || filling.isEmpty()) {
        return;
      }
      batch = take();
    }
    dispatch(batch);
  }

  private void dispatch(List<Pending> batch) {
    try {
      runners.execute(() -> call(batch));
    } catch (RejectedExecutionException stopped) {
      call(batch); // the container stops: the call is refused at once, on this thread
    }
  }

  /** Calls the batch being filled now, without waiting: the container stops. */
  void flushNow() {
    List<Pending> batch;
    synchronized (this) {
      if (filling.isEmpty()) {
        return;
      }
      batch = take();
    }
    dispatch(batch);
  }

  private void call(List<Pending> formed) {
    // A caller that gave up (its future cancelled) before the call leaves the batch.
    List<Pending> batch = formed.stream().filter(pending -> !pending.result().isDone()).toList();
    if (batch.isEmpty()) {
      return;
    }
    List<Object> inputs = new ArrayList<>(batch.size());
    batch.forEach(pending -> inputs.add(pending.input()));
    List<?> results;
    try {
      results = batchCall.call(inputs);
    } catch (RuntimeException | Error e) {
      batch.forEach(pending -> pending.result().completeExceptionally(e));
      return;
    }
    if (results == null || results.size() != batch.size()) {
      BatchResultMismatchException mismatch = new BatchResultMismatchException(
          serviceName, method, batch.size(), results == null ? 0 : results.size());
      batch.forEach(pending -> pending.result().completeExceptionally(mismatch));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }
}
