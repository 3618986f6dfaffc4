package dev.lifecycle.junit;

/** How long one container lives in a test class. */
public enum ContainerScope {
  /**
   * One container for the whole test class (and its {@code @Nested} classes): started before the
   * first test, exit hooks run after the last. Tests share the instance and its state.
   */
  PER_CLASS,
  /** A new container for every test: enter hooks before it, exit hooks right after it. */
  PER_TEST
}
