package dev.lifecycle.runtime.spi;

/** When a lifecycle hook runs, in the order a container goes through them. */
public enum HookPhase {
  /** {@code @Enter(snap = true)}: once, before the memory snapshot. */
  ENTER_BEFORE_SNAPSHOT("@Enter(snap = true)"),
  /** {@code @Enter}: on every container start, after the snapshot point. */
  ENTER_AFTER_SNAPSHOT("@Enter"),
  /** {@code @Exit}: when the container stops. */
  EXIT("@Exit");

  private final String annotation;

  HookPhase(String annotation) {
    this.annotation = annotation;
  }

  /** The annotation as a user writes it, for messages. */
  public String annotation() {
    return annotation;
  }
}
