package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.HookFailedException;
import dev.lifecycle.runtime.HookObserver;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import java.time.Duration;

/**
 * The failure rules of lifecycle phases, written once for every dispatcher.
 *
 * <p>Enter phases stop at the first failure, since later hooks usually depend on earlier ones.
 * The exit phase runs every hook whatever happens, like JUnit's {@code @AfterEach}: a failing
 * hook must not keep the next one from releasing its resource.
 */
public final class HookRunner {

  private HookRunner() {}

  /**
   * Runs the hooks of an enter phase in order; the first that throws ends the phase.
   *
   * @throws HookFailedException naming the hook, with what it threw as the cause
   */
  public static <T> void runEnterHooks(
      ServiceDispatcher<T> dispatcher, T service, HookPhase phase, HookObserver observer) {
    if (phase == HookPhase.EXIT) {
      throw new IllegalArgumentException("runEnterHooks takes an enter phase, not " + phase);
    }
    ServiceDescriptor descriptor = dispatcher.descriptor();
    for (HookDescriptor hook : descriptor.hooks(phase)) {
      Throwable failure = call(dispatcher, service, hook, observer);
      if (failure != null) {
        throw new HookFailedException(descriptor, hook, failure);
      }
    }
  }

  /**
   * Runs every exit hook in order, also those after a failing one.
   *
   * @throws HookFailedException for the first failure; later failures are attached to it as
   *     suppressed exceptions, each a {@link HookFailedException} naming its hook
   */
  public static <T> void runExitHooks(
      ServiceDispatcher<T> dispatcher, T service, HookObserver observer) {
    ServiceDescriptor descriptor = dispatcher.descriptor();
    HookFailedException first = null;
    for (HookDescriptor hook : descriptor.hooks(HookPhase.EXIT)) {
      Throwable failure = call(dispatcher, service, hook, observer);
      if (failure == null) {
        continue;
      }
      HookFailedException failed = new HookFailedException(descriptor, hook, failure);
      if (first == null) {
        first = failed;
      } else {
        first.addSuppressed(failed);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static <T> Throwable call(
      ServiceDispatcher<T> dispatcher, T service, HookDescriptor hook, HookObserver observer) {
    observer.hookStarted(hook);
    long start = System.nanoTime();
    Throwable failure = null;
    try {
      dispatcher.callHook(service, hook.index());
    } catch (Throwable t) {
      failure = t;
    }
    observer.hookFinished(hook, Duration.ofNanos(System.nanoTime() - start), failure);
    return failure;
  }
}
