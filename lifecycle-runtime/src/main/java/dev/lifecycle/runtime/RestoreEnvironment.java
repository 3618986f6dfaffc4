package dev.lifecycle.runtime;

import dev.lifecycle.runtime.internal.RestoreValues;
import java.util.Optional;
import java.util.Random;

/**
 * What a service running in a worker JVM learns about the container it is: its id, whether it was
 * restored from a memory snapshot, and the environment values its pool gave at restore time.
 *
 * <p>A restored clone starts with the memory of the process that was checkpointed, {@code
 * System.getenv()} included: environment variables read by the JVM at its start are the
 * original's. Values that differ per container therefore arrive with the restore, and a service
 * reads them here, in a post-snapshot {@code @Enter} hook (never in an {@code @Enter(snap = true)}
 * hook, whose results are shared by every clone):
 *
 * <pre>{@code
 * @Enter
 * void connect() {
 *   String url = RestoreEnvironment.get("DATABASE_URL");
 *   containerId = RestoreEnvironment.containerId().orElse("local");
 * }
 * }</pre>
 *
 * <p>Outside a worker JVM (in-JVM containers, tests) every method falls back to the process
 * environment: {@link #get} is {@link System#getenv(String)}, {@link #containerId()} reads
 * {@value #CONTAINER_ID}.
 *
 * <p>Random generators created before the snapshot hold the same state in every clone. {@code new
 * SecureRandom()} (NativePRNG on Linux) mixes in fresh kernel entropy and diverges on its own;
 * algorithms such as {@code SHA1PRNG} or {@code DRBG} do not, and must be registered with {@link
 * #reseedOnRestore} to be reseeded in every clone.
 */
public final class RestoreEnvironment {

  /** The environment variable, and restore-time value, holding the container's id. */
  public static final String CONTAINER_ID = RestoreValues.CONTAINER_ID;

  private RestoreEnvironment() {}

  /**
   * The value of {@code name}: the one given at restore time when there is one, else the process
   * environment's ({@link System#getenv(String)}); {@code null} when neither has it.
   */
  public static String get(String name) {
    String value = RestoreValues.get(name);
    return value != null ? value : System.getenv(name);
  }

  /** The id the pool gave this container, e.g. {@code Model-3}; empty outside a worker JVM. */
  public static Optional<String> containerId() {
    return Optional.ofNullable(get(CONTAINER_ID));
  }

  /** Whether this JVM is a clone restored from a memory snapshot. */
  public static boolean restored() {
    return RestoreValues.restored();
  }

  /**
   * Reseeds {@code random} in every container restored from a snapshot, right before the
   * post-snapshot hooks run; returns it, for {@code field = reseedOnRestore(new ...)}. Held
   * weakly. {@code SHA1PRNG} and {@code DRBG} generators get fresh seed bytes from {@code
   * /dev/urandom}; a plain {@link Random} gets a fresh seed.
   *
   * @throws IllegalArgumentException for {@link java.util.concurrent.ThreadLocalRandom}, which
   *     cannot be reseeded
   */
  public static <T extends Random> T reseedOnRestore(T random) {
    return RestoreValues.reseedOnRestore(random);
  }
}
