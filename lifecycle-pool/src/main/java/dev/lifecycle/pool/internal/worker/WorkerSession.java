package dev.lifecycle.pool.internal.worker;

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
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.RestoreEnvironment;
import dev.lifecycle.runtime.StopReport;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
  /** The threads serving calls, by call id, for {@link Cancel}. */
  private final Map<Long, Thread> serving = new ConcurrentHashMap<>();
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
      calls.execute(() -> serve(call));
    } else if (message instanceof Cancel cancel) {
      // A cancel that overtakes its call's start finds nothing here: that call then runs, and its
      // answer is ignored as the supervisor no longer waits for it.
      serving.computeIfPresent(cancel.callId(), (id, thread) -> {
        thread.interrupt();
        return thread;
      });
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

  private void serve(Call call) {
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
      MethodDescriptor method = service.method(call.method())
          .orElseThrow(() -> new UnknownMethodException(service, call.method()));
      Object[] args = call.batch()
          ? new Object[] {ArgumentCodec.decodeBatch(service, method, call.args().get(0))}
          : ArgumentCodec.decode(service, method, call.args());
      serving.put(call.callId(), Thread.currentThread());
      Object result;
      try {
        result = call.batch()
            ? running.callBatch(call.method(), (List<?>) args[0])
            : running.call(call.method(), args);
      } finally {
        serving.remove(call.callId());
        Thread.interrupted(); // a cancel that came as the call ended must not hit the next one
      }
      answer = new CallResult(call.callId(), call.batch()
          ? ArgumentCodec.encodeValue(result) // the list of results, one per input
          : ArgumentCodec.encodeResult(service, method, result));
    } catch (Throwable t) {
      answer = new CallFailed(call.callId(), WorkerFailures.ofCall(t));
    }
    link.send(answer);
  }
}
