package dev.lifecycle.junit;

/**
 * Whether a test's calls through its {@link dev.lifecycle.runtime.Container} cross a pool's JSON
 * encoding: each argument written as JSON and read back as the parameter's declared type, each
 * result the same way, as a pool of worker JVMs passes them. A call that works in one JVM but not
 * through a pool (a value JSON cannot write, a subclass whose extra properties a worker refuses, a
 * {@code BigDecimal} whose scale a careless encoding would lose) then fails in the test, with the
 * message the pool would give. Needs {@code dev.lifecycle:lifecycle-pool} on the test class path.
 *
 * <p>Calls made on the injected service instance itself never cross anything.
 */
public enum JsonCalls {

  /** Through JSON when the test simulates a snapshot (a service meant for a pool); the default. */
  WITH_SNAPSHOT,

  /** Always through JSON. */
  ALWAYS,

  /** Never: arguments and results pass as they are, as in an in-JVM container. */
  NEVER;

  boolean crossesJson(boolean simulateSnapshot) {
    return this == ALWAYS || (this == WITH_SNAPSHOT && simulateSnapshot);
  }
}
