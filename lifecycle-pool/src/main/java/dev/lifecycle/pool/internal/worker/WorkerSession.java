package dev.lifecycle.pool.internal.worker;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.lifecycle.pool.internal.protocol.ArgumentCodec;
import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import dev.lifecycle.pool.internal.protocol.WireMessage.Call;
import dev.lifecycle.pool.internal.protocol.WireMessage.CallFailed;
import dev.lifecycle.pool.internal.protocol.WireMessage.CallResult;
import dev.lifecycle.pool.internal.protocol.WireMessage.Cancel;
import dev.lifecycle.pool.internal.protocol.WireMessage.Ready;
import dev.lifecycle.pool.internal.protocol.WireMessage.Stop;
import dev.lifecycle.pool.internal.protocol.WireMessage.Stopped;
import dev.lifecycle.pool.internal.protocol.WireMessage.StreamCredit;
import dev.lifecycle.pool.internal.protocol.WireMessage.StreamItem;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.RestoreEnvironment;
import dev.lifecycle.runtime.StopReport;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What a worker does with the supervisor's messages once its container runs: serves each {@link
 * Call} on a thread of its own (the container itself enforces {@code maxConcurrentInputs} and the
 * input timeout), and stops the container, once, on {@link Stop} or when the supervisor's
 * connection is lost.
 *
 * <p>A stop asked for while the container still starts is carried out as soon as the start is
 * done: the exit hooks must not run beside the enter hooks.
 */
final class WorkerSession {

  private static final System.Logger LOG = System.getLogger(WorkerSession.class.getName());

  private final Object lock = new Object();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ThreadPoolExecutor calls = callThreads();
  /** The streaming calls being served, by call id: how many more items the caller takes. */
  private final Map<Long, Semaphore> credits = new ConcurrentHashMap<>();
  /** The calls being served, by call id, for {@link Cancel}. */
  private final Map<Long, Serving> serving = new ConcurrentHashMap<>();

  /**
   * One call being served, run on a call thread: the thread serving it, once it runs, and whether
   * it was cancelled. A class, not a lambda, as the rest of a call's way to the container: a
   * restored clone links each lambda on its first use, after the restore, at about a millisecond.
   */
  private final class Serving implements Runnable {
    private final Call call;
    private Thread thread;
    private boolean cancelled;

    Serving(Call call) {
      this.call = call;
    }

    @Override
    public void run() {
      serve(call, this);
    }

    /** Whether the call may run: not cancelled before it started. */
    synchronized boolean start() {
      thread = Thread.currentThread();
      return !cancelled;
    }

    synchronized void cancel() {
      cancelled = true;
      if (thread != null) {
        // Through the link: interrupted while it writes an item of a stream, the thread would
        // close the connection, and the container would stop.
        link.interrupt(thread);
      }
    }

    synchronized void end() {
      thread = null;
    }
  }
  private SupervisorLink link;
  /** Guarded by {@code lock}. */
  private Container<?> container;
  /** Guarded by {@code lock}: non-null once a stop was asked for. */
  private String stopReason;
  /** Guarded by {@code lock}: whether the supervisor asked, and so waits for {@link Stopped}. */
  private boolean answerStop;

  /**
   * Each call on a thread of its own, at once, as many as the supervisor sends (it sends no more
   * than the container's free input slots). One thread is started now, before any snapshot point,
   * and never ends: a restored clone serves its first call on it instead of starting a thread
   * then, which costs milliseconds in a process that never started one on that path.
   */
  private static ThreadPoolExecutor callThreads() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor threads = new ThreadPoolExecutor(1, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "lifecycle-worker-call-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    threads.prestartCoreThread();
    return threads;
  }

  void link(SupervisorLink link) {
    this.link = link;
  }

  void onMessage(WireMessage message) {
    if (message instanceof Call call) {
      // Known from now on, before its thread runs: a cancel right behind it finds it.
      Serving served = new Serving(call);
      serving.put(call.callId(), served);
      calls.execute(served);
    } else if (message instanceof StreamCredit credit) {
      Semaphore room = credits.get(credit.callId());
      if (room != null) {
        room.release(credit.items());
      }
    } else if (message instanceof Cancel cancel) {
      Serving served = serving.get(cancel.callId());
      if (served != null) {
        served.cancel();
      }
    } else if (message instanceof Stop stop) {
      requestStop("the supervisor asked: " + stop.reason(), true);
    } else {
      LOG.log(Level.WARNING, "ignoring unexpected " + message.getClass().getSimpleName()
          + " from the supervisor");
    }
  }

  void onLost() {
    requestStop("the connection to the supervisor closed (it stopped or died)", false);
  }

  /**
   * The container started: announce it with {@code ready}, or stop it now when a stop was asked
   * for meanwhile.
   */
  void started(Container<?> started, Ready ready) {
    String reason;
    boolean answer;
    synchronized (lock) {
      container = started;
      reason = stopReason;
      answer = answerStop;
      if (reason == null) {
        link.send(ready);
      }
    }
    if (reason != null) {
      stopAndEnd(started, reason, answer);
    }
  }

  /** Blocks until the container stopped; returns the worker's exit code. */
  int awaitEnd() {
    while (true) {
      try {
        ended.await();
        return 0;
      } catch (InterruptedException e) {
        // The main thread has nothing else to do; keep waiting.
      }
    }
  }

  private void requestStop(String reason, boolean answer) {
    Container<?> running;
    synchronized (lock) {
      if (stopReason != null) {
        return;
      }
      stopReason = reason;
      answerStop = answer;
      running = container;
    }
    if (running != null) {
      Thread stopper = new Thread(() -> stopAndEnd(running, reason, answer), "lifecycle-worker-stop");
      stopper.start();
    }
  }

  private void stopAndEnd(Container<?> running, String reason, boolean answer) {
    LOG.log(Level.INFO, "Stopping container " + RestoreEnvironment.containerId().orElse(running.id())
        + ": " + reason);
    try {
      // Without a supervisor nobody reads the results of calls in flight: interrupt them at once.
      StopReport report = answer ? running.stop() : running.stopNow();
      if (answer) {
        link.send(new Stopped(
            report.exitFailure().map(e -> RemoteError.of(RemoteError.Kind.USER, e)).orElse(null),
            report.overruns().stream().map(Object::toString).toList()));
      }
    } finally {
      link.close();
      ended.countDown();
    }
  }

  private void serve(Call call, Serving served) {
    Container<?> running;
    synchronized (lock) {
      running = container;
    }
    WireMessage answer;
    try {
      if (running == null) {
        throw new IllegalStateException("call " + call.method() + " arrived before the container"
            + " was ready; the supervisor sends calls only after Ready");
      }
      ServiceDescriptor service = running.service();
      MethodDescriptor method = service.method(call.method()).orElse(null);
      if (method == null) {
        throw new UnknownMethodException(service, call.method());
      }
      Object[] args = call.batch()
          ? new Object[] {ArgumentCodec.decodeBatch(service, method, call.args().get(0))}
          : ArgumentCodec.decode(service, method, call.args());
      Object result;
      try {
        if (!served.start()) {
          throw new InputInterruptedException(service.serviceName(), call.method(),
              new InterruptedException("cancelled by its caller before it started"));
        }
        result = call.batch()
            ? running.callBatch(call.method(), (List<?>) args[0])
            : running.call(call.method(), args);
        if (method.streams()) {
          if (!call.streams()) {
            try (Stream<?> unread = (Stream<?>) result) {
              throw new IllegalStateException("@Method " + method.signature() + " of service "
                  + service.serviceName() + " returns a Stream, but its caller cannot read one:"
                  + " the pool's JVM does not have the service class, or the call came as"
                  + " call(Class, ...). Call it with call(name, args) where the service class"
                  + " loads.");
            }
          }
          sendItems(call, service, method, (Stream<?>) result, running.options().inputTimeout());
          result = null; // the answer that ends the stream
        }
      } finally {
        served.end();
        Thread.interrupted(); // a cancel that came as the call ended must not hit the next one
      }
      answer = new CallResult(call.callId(), method.streams()
          ? NullNode.getInstance()
          : ArgumentCodec.encodeResult(service, method, result));
    } catch (Throwable t) {
      answer = new CallFailed(call.callId(), WorkerFailures.ofCall(t));
    } finally {
      serving.remove(call.callId());
    }
    link.send(answer);
  }

  /**
   * Sends the items of a streaming call's stream, one for each credit its caller gave (the first
   * {@code CREDITS} at once); closes it at the end, or when cancelled (this thread interrupted).
   */
  private void sendItems(Call call, ServiceDescriptor service, MethodDescriptor method,
      Stream<?> items, Duration patience) throws InterruptedException {
    Semaphore room = new Semaphore(StreamItem.INITIAL_CREDITS);
    credits.put(call.callId(), room);
    try (items) {
      Iterator<?> each = items.iterator();
      while (each.hasNext()) {
        Object item = each.next();
        // A caller that neither reads nor closes its stream must not hold the container for ever.
        if (!room.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException("The caller of @Method " + method.signature()
              + " of service " + service.serviceName() + " read no item of its stream for "
              + patience.toSeconds() + " s (the input timeout): the stream was closed. Read a"
              + " stream to its end, or close it.");
        }
        link.send(new StreamItem(call.callId(), ArgumentCodec.encodeItem(service, method, item)));
      }
    } finally {
      credits.remove(call.callId());
    }
  }
}
