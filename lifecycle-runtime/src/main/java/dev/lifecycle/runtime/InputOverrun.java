package dev.lifecycle.runtime;

import dev.lifecycle.runtime.internal.Durations;
import java.time.Duration;

/**
 * A call that was still running when its container's exit grace period ended. It was failed for
 * its caller and interrupted, and the exit hooks ran anyway.
 *
 * @param method the {@code @Method}'s name
 * @param runningFor how long it had been running then
 * @param thread the name of the thread that ran it, to find it in a thread dump
 */
public record InputOverrun(String method, Duration runningFor, String thread) {

  @Override
  public String toString() {
    return method + " (running for " + Durations.format(runningFor) + " on " + thread + ")";
  }
}
