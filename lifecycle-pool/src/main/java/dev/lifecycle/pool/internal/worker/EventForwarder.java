package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.WireMessage.HookFinished;
import dev.lifecycle.pool.internal.protocol.WireMessage.PhaseChanged;
import dev.lifecycle.runtime.ContainerListener;
import dev.lifecycle.runtime.PhaseEvent;
import dev.lifecycle.runtime.spi.HookDescriptor;
import java.time.Duration;

/** Sends the container's phase changes and hook runs to the supervisor, for its timelines. */
final class EventForwarder implements ContainerListener {

  private final SupervisorLink link;

  EventForwarder(SupervisorLink link) {
    this.link = link;
  }

  @Override
  public void phaseChanged(PhaseEvent event) {
    link.sendEvent(new PhaseChanged(event.phase().name(), event.at().toEpochMilli(),
        event.nanoTime(), event.detail(),
        event.failure() == null ? null : RemoteError.of(RemoteError.Kind.USER, event.failure())));
  }

  @Override
  public void hookFinished(HookDescriptor hook, Duration duration, Throwable failure) {
    link.sendEvent(new HookFinished(hook.index(), hook.phase().name(), hook.declaringClass(),
        hook.methodName(), System.nanoTime() - duration.toNanos(), duration.toNanos(),
        failure == null ? null : RemoteError.of(RemoteError.Kind.USER, failure)));
  }
}
