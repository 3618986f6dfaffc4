package dev.lifecycle.processor.model;

/** The phases a hook can belong to, in the order a container runs them. */
public enum HookKind {
  ENTER_BEFORE_SNAPSHOT("@Enter(snap = true)"),
  ENTER_AFTER_SNAPSHOT("@Enter"),
  EXIT("@Exit");

  private final String annotation;

  HookKind(String annotation) {
    this.annotation = annotation;
  }

  /** How the user wrote it, for messages. */
  public String annotation() {
    return annotation;
  }
}
