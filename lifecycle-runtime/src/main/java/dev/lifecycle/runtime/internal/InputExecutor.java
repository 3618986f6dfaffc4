package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.InputOverrun;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.boundary.CallEncoding;
import dev.lifecycle.runtime.events.Recorder;
import dev.lifecycle.runtime.spi.Arguments;
import dev.lifecycle.runtime.spi.Batching;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Serves the inputs of one container, {@code @Method} calls and web requests alike: at most {@code
 * maxConcurrentInputs} at once in arrival order, each within the input timeout, and none once the
 * container stops.
 *
 * <p>Each call runs on a thread of its own pool, not on the caller's, so that a call that
 * overruns its timeout can be failed for the caller at once even when the method ignores the
 * interrupt. Such a call keeps its slot until it really returns: with one input at a time, the
 * next call must not run beside it on an instance that may not be thread-safe.
 */
public final class InputExecutor<T> implements InputRunner {

  private static final System.Logger LOG = System.getLogger(InputExecutor.class.getName());

  private final ServiceDispatcher<T> dispatcher;
  private final String serviceName;
  private final CallEncoding encoding;
  private final ContainerName containerId;
  private final Duration inputTimeout;
  private final InputSlots slots;
  private final ExecutorService threads;
  /**
   * Make the blocking calls of {@link #callAsync}: as many as there are slots (times the largest
   * batch, whose callers wait for it to fill), at most {@link CancellableCall#MAX_THREADS}.
   */
  private final ExecutorService asyncCallers;
  /** The batches of the {@code @Batched} methods. */
  private final Batchers<T> batchers;

  public InputExecutor(ServiceDispatcher<T> dispatcher, CallEncoding encoding, ContainerName containerId,
      int maxConcurrentInputs, Duration inputTimeout) {
    this.dispatcher = dispatcher;
    this.encoding = encoding;
    this.serviceName = dispatcher.descriptor().serviceName();
    this.containerId = containerId;
    this.inputTimeout = inputTimeout;
    this.slots = new InputSlots(maxConcurrentInputs);
    // A batched method's callers wait for their batch to fill: as many as a batch holds may wait.
    int largestBatch = dispatcher.descriptor().methods().stream()
        .flatMap(m -> m.batching().stream())
        .mapToInt(Batching::maxBatchSize).max().orElse(1);
    this.asyncCallers = CancellableCall.threads(
        "lifecycle-" + containerId + "-async-caller", (long) maxConcurrentInputs * largestBatch);
    this.batchers = new Batchers<>(dispatcher.descriptor(), containerId, maxConcurrentInputs);
    AtomicInteger count = new AtomicInteger();
    // Daemon threads: a container nobody closed must not keep the JVM alive; the shutdown hook
    // still runs its exit hooks.
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "lifecycle-" + containerId + "-input-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Calls {@code method} on {@code instance} and returns its result. See {@link dev.lifecycle.runtime.Container#call}. */
  public Object call(T instance, String method, Object[] args) {
    // Checked here, on the caller's thread and before taking a slot, so that a wrong call fails
    // at once; and so that a DispatchException coming back from the call is the method's own.
    ServiceDescriptor service = dispatcher.descriptor();
    MethodDescriptor descriptor = service.method(method).orElse(null);
    if (descriptor == null) {
      throw new UnknownMethodException(service, method);
    }
    Object[] checked = Arguments.checkCall(service, descriptor, args);
    Object[] encoded = encoding.arguments(service, descriptor, checked);
    // Checked again once an encoding made new values of them, as a worker checks what it
    // decoded: the same words either way. Passed as they are, they were checked already.
    Object[] received = encoded == checked ? checked : Arguments.checkCall(service, descriptor, encoded);
    if (descriptor.streams()) {
      return encoding.result(service, descriptor, stream(instance, method, received));
    }
    if (descriptor.batching().isPresent()) {
      Batcher batcher = batchers.of(descriptor, inputs -> callBatch(instance, method, inputs));
      return encoding.result(service, descriptor, awaitBatched(method, batcher.submit(received[0])));
    }
    return encoding.result(service, descriptor,
        run(method, "@Method " + method, new Invocation(instance, method, received)));
  }

  /**
   * A streaming call: the method runs as one input, on this container's threads, and hands its
   * stream's items over as they come; the caller gets the stream of them at once.
   */
  private Stream<Object> stream(T instance, String method, Object[] args) {
    StreamedItems items = new StreamedItems();
    try {
      asyncCallers.execute(() -> {
        try {
          run(method, "@Method " + method, () -> {
            items.produce((Stream<?>) dispatcher.invoke(instance, method, args), method);
            return null;
          });
        } catch (RuntimeException e) {
          items.fail(e);
        }
      });
    } catch (RejectedExecutionException e) {
      throw threadsRefused(method);
    }
    return items.stream();
  }

  /**
   * Calls the {@code @Batched} {@code method} once with {@code inputs}, each checked as a caller's
   * input, as one input of this container; returns its results.
   */
  public List<?> callBatch(T instance, String method, List<?> inputs) {
    MethodDescriptor descriptor =
        dispatcher.descriptor().method(method)
            .orElseThrow(() -> new UnknownMethodException(dispatcher.descriptor(), method));
    if (descriptor.batching().isEmpty()) {
      throw new IllegalArgumentException("Method " + descriptor.signature() + " of service "
          + serviceName + " is not @Batched, so it takes no batch: call it with call(\"" + method
          + "\", args...).");
    }
    List<Object> checked = new ArrayList<>(inputs.size());
    for (Object input : inputs) {
      checked.add(Arguments.checkCall(dispatcher.descriptor(), descriptor, new Object[] {input})[0]);
    }
    String description = "@Method " + method + " (a batch of " + checked.size() + ")";
    return (List<?>) run(method, description,
        () -> dispatcher.invoke(instance, method, new Object[] {checked}));
  }

  private Object awaitBatched(String method, CompletableFuture<Object> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      result.cancel(false); // out of its batch, unless the batch was called already
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(serviceName, method, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) e.getCause();
    }
  }

  /**
   * As {@link #call}, without waiting: on a thread of this container's callers (as many as it has
   * input slots, times the largest batch), the others queued in order, up to {@link
   * CancellableCall#MAX_QUEUED}. See {@link dev.lifecycle.runtime.ServiceCaller#callAsync}.
   */
  public CompletableFuture<Object> callAsync(T instance, String method, Object[] args) {
    CancellableCall future = new CancellableCall();
    try {
      asyncCallers.execute(() -> future.run(() -> call(instance, method, args)));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(threadsRefused(method));
    }
    return future;
  }

  /** Refused because the container stops, or because too many asynchronous calls wait already. */
  private RuntimeException threadsRefused(String method) {
    if (asyncCallers.isShutdown()) {
      return ContainerFailures.refused(serviceName, containerId.get(), method);
    }
    return new IllegalStateException("Container " + containerId + " of service " + serviceName
        + " refuses an asynchronous call of '" + method + "': " + CancellableCall.MAX_QUEUED
        + " asynchronous calls wait already. Wait for some to complete first, or use map(...),"
        + " which keeps a bounded number in flight.");
  }

  /** Runs {@code work} as one input, by the same rules as {@link #call}; see {@link InputRunner}. */
  @Override
  public Object run(String methodName, String description, Work work) {
    Object event = Recorder.beginInput();
    String outcome = "failed";
    try {
      Object result = runInput(methodName, description, work);
      outcome = "returned";
      return result;
    } catch (InputTimeoutException e) {
      outcome = "timed out";
      throw e;
    } finally {
      Recorder.endInput(event, serviceName, containerId.get(), description, outcome);
    }
  }

  private Object runInput(String methodName, String description, Work work) {
    InputCall call = new InputCall(methodName, description);
    try {
      if (!slots.acquire(call)) {
        throw ContainerFailures.refused(serviceName, containerId.get(), methodName);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(serviceName, methodName, e);
    }
    try {
      threads.execute(new Started(call, work));
    } catch (RejectedExecutionException e) {
      slots.release(call);
      throw ContainerFailures.refused(serviceName, containerId.get(), methodName);
    }
    return await(call);
  }

  /*
   * The next two are classes, not lambdas, as is the rest of a call's way from a restored clone's
   * first input to the service's method: each lambda is linked on its first use, which in a clone
   * is after the restore, at about a millisecond apiece.
   */

  /** A call of a {@code @Method}, as the work of one input. */
  private final class Invocation implements Work {
    private final T instance;
    private final String method;
    private final Object[] args;

    Invocation(T instance, String method, Object[] args) {
      this.instance = instance;
      this.method = method;
      this.args = args;
    }

    @Override
    public Object run() throws Throwable {
      return dispatcher.invoke(instance, method, args);
    }
  }

  /** An input given a slot, run on an input thread. */
  private final class Started implements Runnable {
    private final InputCall call;
    private final Work work;

    Started(InputCall call, Work work) {
      this.call = call;
      this.work = work;
    }

    @Override
    public void run() {
      InputExecutor.this.run(call, work);
    }
  }

  private void run(InputCall call, Work work) {
    call.started();
    try {
      call.result().complete(work.run());
    } catch (Throwable t) {
      call.result().completeExceptionally(t);
    } finally {
      call.finished();
      slots.release(call);
    }
  }

  private Object await(InputCall call) {
    try {
      return call.result().get(inputTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      InputTimeoutException timeout =
          new InputTimeoutException(serviceName, call.method(), call.description(), inputTimeout);
      if (call.fail(timeout)) {
        LOG.log(Level.WARNING, "Container " + containerId + ": " + timeout.getMessage()
            + " If it ignores the interrupt, it keeps its input slot until it returns.");
        throw timeout;
      }
      return resultOf(call); // it finished just now, after all
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InputInterruptedException abandoned = new InputInterruptedException(serviceName, call.method(), e);
      if (call.fail(abandoned)) {
        throw abandoned;
      }
      return resultOf(call);
    } catch (ExecutionException e) {
      throw translate(call, e.getCause());
    }
  }

  private Object resultOf(InputCall call) {
    try {
      return call.result().join();
    } catch (CompletionException e) {
      throw translate(call, e.getCause());
    }
  }

  private RuntimeException translate(InputCall call, Throwable failure) {
    if (failure == call.runtimeFailure()) {
      return (RuntimeException) failure; // a timeout or a stop, decided by this runtime
    }
    // Anything else came from the method, even a ContainerException of a container it called.
    return new MethodFailedException(serviceName, call.method(), failure);
  }

  /** Refuses new calls and the calls waiting for a slot, at once. */
  public void refuseNew() {
    slots.close();
  }

  /**
   * Lets the running calls finish within {@code grace}; fails and interrupts the ones that do
   * not, and reports them.
   */
  public List<InputOverrun> drain(Duration grace) {
    List<InputOverrun> overruns = new ArrayList<>();
    for (InputCall call : slots.awaitIdle(grace)) {
      call.fail(ContainerFailures.overran(serviceName, containerId.get(), call.method(), grace));
      overruns.add(new InputOverrun(call.method(), call.runningFor(), call.threadName()));
    }
    if (!overruns.isEmpty()) {
      LOG.log(Level.WARNING, "Container " + containerId + " of service " + serviceName + ": "
          + overruns.size() + " call(s) still running after the exit grace period of "
          + Durations.format(grace) + " were interrupted before the exit hooks ran: " + overruns);
    }
    return overruns;
  }

  /** Lets the pool's threads end once idle; calls still running were already interrupted. */
  public void shutdown() {
    asyncCallers.shutdown();
    batchers.shutdown();
    threads.shutdown();
  }
}
