package dev.lifecycle.runtime.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * What a worker JVM learned at its snapshot point (its container id, the restore-time values,
 * whether it is a restored clone) and the generators to reseed then. The pool's worker writes it;
 * services read it through {@code dev.lifecycle.runtime.RestoreEnvironment}.
 */
public final class RestoreValues {

  /** The environment variable, and restore-time value, holding the container's id. */
  public static final String CONTAINER_ID = "LIFECYCLE_CONTAINER_ID";

  private static final RestoreReseeding RESEEDING = new RestoreReseeding();
  private static volatile Map<String, String> values = Map.of();
  private static volatile boolean restored;

  private RestoreValues() {}

  /** The restore-time value of {@code name}, or {@code null}. */
  public static String get(String name) {
    return values.get(name);
  }

  public static boolean restored() {
    return restored;
  }

  /** Installs the state a worker read at its snapshot point. */
  public static void apply(String containerId, Map<String, String> environment, boolean isRestore) {
    Map<String, String> all = new HashMap<>(environment);
    all.put(CONTAINER_ID, containerId);
    values = Map.copyOf(all);
    restored = isRestore;
  }

  public static <T extends Random> T reseedOnRestore(T random) {
    return RESEEDING.register(random);
  }

  /**
   * Gets this class and its reseeding ready before a checkpoint (loaded, and what {@link
   * #reseedAll()} checks read), so that a restored clone finds them so.
   */
  public static void prepare() {
    RESEEDING.prepare();
  }

  /** Reseeds every registered generator; returns how many. */
  public static int reseedAll() {
    return RESEEDING.reseedAll();
  }
}
