package dev.lifecycle.pool.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secrets by which a worker proves, in its {@code Hello}, that it is the process the pool
 * started or restored for a container: anyone else who can reach the pool's socket could
 * otherwise name a container (ids are predictable) and take its calls.
 */
public final class WorkerTokens {

  /** Where a launched worker finds its token: its environment, not its command line. */
  public static final String ENVIRONMENT_VARIABLE = "LIFECYCLE_WORKER_TOKEN";

  private static final SecureRandom RANDOM = new SecureRandom();

  private WorkerTokens() {}

  /** A new token: 128 random bits, in hex. */
  public static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether {@code offered} is {@code expected}, in time that does not depend on where they differ. */
  public static boolean matches(String expected, String offered) {
    return expected != null && offered != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
  }
}
