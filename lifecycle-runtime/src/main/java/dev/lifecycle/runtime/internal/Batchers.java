package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The {@link Batcher}s of one container (or pool), one per {@code @Batched} method, with the
 * threads they share: a timer for the batches' waits and the threads that call full batches (at
 * most one per input slot; a batch takes a slot as a call does). None for a service without
 * batched methods.
 *
 * @param <T> the service class
 */
public final class Batchers<T> {

  private final ServiceDescriptor service;
  private final Map<String, Batcher> byMethod = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final ThreadPoolExecutor runners;

  public Batchers(ServiceDescriptor service, Object owner, int slots) {
    this.service = service;
    boolean any = service.methods().stream().anyMatch(m -> m.batching().isPresent());
    if (any) {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "lifecycle-" + owner + "-batch-timer");
        thread.setDaemon(true);
        return thread;
      });
      // At a stop the batches being filled are called at once (and refused), not after their wait.
      timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      this.timer = timer;
    } else {
      this.timer = null;
    }
    this.runners = any ? CancellableCall.threads("lifecycle-" + owner + "-batch", slots) : null;
  }

  /** The batcher of {@code method}, which calls its batches with {@code batchCall}. */
  public Batcher of(MethodDescriptor method, Batcher.BatchCall batchCall) {
    return byMethod.computeIfAbsent(method.name(), name -> new Batcher(
        service.serviceName(), method.signature(), method.batching().orElseThrow(), batchCall,
        runners, timer));
  }

  /**
   * Calls the batches being filled at once (the container refuses them: it stops), and lets the
   * threads end.
   */
  public void shutdown() {
    if (timer != null) {
      byMethod.values().forEach(Batcher::flushNow);
      timer.shutdown();
      runners.shutdown();
    }
  }
}
