package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import java.time.Duration;

/** Hears each hook start and finish, so runtimes can log them or print a timeline. */
public interface HookObserver {

  /** An observer that does nothing. */
  HookObserver NONE = new HookObserver() {};

  /** Called right before the hook is called. */
  default void hookStarted(HookDescriptor hook) {}

  /**
   * Called right after the hook returned or threw.
   *
   * @param failure what the hook threw, or {@code null} when it returned normally
   */
  default void hookFinished(HookDescriptor hook, Duration duration, Throwable failure) {}
}
