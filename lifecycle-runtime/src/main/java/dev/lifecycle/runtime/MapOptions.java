package dev.lifecycle.runtime;

/**
 * How {@link ServiceCaller#map} runs: results in input order or as they complete, at most how
 * many inputs in flight, and whether a failed input ends the map or takes its place.
 *
 * @param ordered results in the order of the inputs (the default), or as they complete
 * @param returnExceptions whether a failed input's exception is returned in its place instead of
 *     ending the map (Modal's {@code return_exceptions})
 * @param maxInFlight at most this many inputs called and not yet returned to the caller, whatever
 *     the number of inputs: memory stays flat for a million of them
 */
public record MapOptions(boolean ordered, boolean returnExceptions, int maxInFlight) {

  /** In order, failures end the map, at most {@value #DEFAULT_IN_FLIGHT} in flight. */
  public static final int DEFAULT_IN_FLIGHT = 64;

  public MapOptions {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "MapOptions.maxInFlight must be at least 1, but is " + maxInFlight + ".");
    }
  }

  /** In input order, a failure ends the map, at most {@value #DEFAULT_IN_FLIGHT} inputs in flight. */
  public static MapOptions defaults() {
    return new MapOptions(true, false, DEFAULT_IN_FLIGHT);
  }

  /** Results as the inputs complete. */
  public MapOptions unordered() {
    return new MapOptions(false, returnExceptions, maxInFlight);
  }

  /** A failed input's exception in its place, the map going on. */
  public MapOptions returningExceptions() {
    return new MapOptions(ordered, true, maxInFlight);
  }

  /** At most {@code max} inputs in flight. */
  public MapOptions maxInFlight(int max) {
    return new MapOptions(ordered, returnExceptions, max);
  }
}
