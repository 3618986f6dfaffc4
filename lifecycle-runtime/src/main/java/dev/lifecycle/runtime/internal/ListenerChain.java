package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.ContainerListener;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.spi.HookDescriptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls several listeners as one, isolating each: the SPI's hook runner calls observers inside
 * its loop, so an observer that threw there would end an enter phase or skip exit hooks.
 */
public final class ListenerChain implements ContainerListener {

  private static final System.Logger LOG = System.getLogger(ListenerChain.class.getName());

  private final List<ContainerListener> listeners;

  public ListenerChain(List<ContainerListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void phaseChanged(PhaseEvent event) {
    each(listener -> listener.phaseChanged(event));
  }

  @Override
  public void hookStarted(HookDescriptor hook) {
    each(listener -> listener.hookStarted(hook));
  }

  @Override
  public void hookFinished(HookDescriptor hook, Duration duration, Throwable failure) {
    each(listener -> listener.hookFinished(hook, duration, failure));
  }

  private void each(Consumer<ContainerListener> call) {
    for (ContainerListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException | AssertionError e) {
        LOG.log(Level.WARNING, "Container listener " + listener + " threw; ignored", e);
      }
    }
  }
}
