package dev.lifecycle.runtime.internal.safety;

/**
 * Runs {@link CheckpointSafety#check()} in a fresh JVM, free of the test runner's descriptors,
 * and prints {@code safe} or the refusal.
 */
public final class SafetyProbe {

  private SafetyProbe() {}

  public static void main(String[] args) {
    try {
      CheckpointSafety.check();
      System.out.println("safe");
    } catch (UnsafeCheckpointException e) {
      System.out.println(e.getMessage());
    }
  }
}
