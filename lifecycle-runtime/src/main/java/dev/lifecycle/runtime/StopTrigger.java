package dev.lifecycle.runtime;

/** What made a container stop. */
public enum StopTrigger {
  /** {@link Container#close()} or {@link Container#stop()}. */
  CLOSE("close() was called"),
  /** The JVM began to shut down: SIGTERM, SIGINT, {@code System.exit}, or the last thread ended. */
  JVM_SHUTDOWN("the JVM is shutting down"),
  /** An enter hook or the constructor threw. */
  START_FAILED("the container failed to start"),
  /** {@link Container#stopNow()}: nobody waits for the results of the calls in flight. */
  ABANDONED("nobody waits for its results any more");

  private final String description;

  StopTrigger(String description) {
    this.description = description;
  }

  /** {@code "close() was called"}: for phase events and logs. */
  public String description() {
    return description;
  }
}
