package dev.lifecycle.it.services;

import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls that block until the test releases them, so that tests control what is in flight
 * instead of guessing with sleeps. {@link #events} records starts, ends, interrupts and the exit
 * hook in the order they happened.
 */
@Service(maxConcurrentInputs = 1, inputTimeoutSeconds = 120, exitGracePeriodSeconds = 30)
public class BlockingService {

  public final List<String> events = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, CountDownLatch> releases = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CountDownLatch> starts = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostRunning = new AtomicInteger();

  /** Blocks until {@link #release} of the same name; at most a minute, so a broken test ends. */
  @Method
  public String hold(String name) throws InterruptedException {
    events.add("start:" + name);
    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    latch(starts, name).countDown();
    try {
      if (!latch(releases, name).await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " was never released");
      }
      events.add("end:" + name);
      return name;
    } catch (InterruptedException e) {
      events.add("interrupted:" + name);
      throw e;
    } finally {
      running.decrementAndGet();
    }
  }

  /** Busy for {@code millis}, deaf to interrupts, like code stuck in a loop. */
  @Method
  public void spin(long millis) {
    events.add("start:spin");
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    events.add("end:spin");
  }

  @Exit
  void exit() {
    events.add("exit");
  }

  public void release(String... names) {
    for (String name : names) {
      latch(releases, name).countDown();
    }
  }

  /** Waits until the call {@code name} runs inside the method. */
  public void awaitStarted(String name) throws InterruptedException {
    if (!latch(starts, name).await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("call " + name + " did not start within 30 s; events: " + events);
    }
  }

  public boolean hasStarted(String name) {
    return latch(starts, name).getCount() == 0;
  }

  /** The most calls that ran inside the instance at the same time. */
  public int mostRunning() {
    return mostRunning.get();
  }

  private static CountDownLatch latch(ConcurrentHashMap<String, CountDownLatch> latches, String name) {
    return latches.computeIfAbsent(name, key -> new CountDownLatch(1));
  }
}
