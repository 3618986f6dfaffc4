package dev.lifecycle.pool.criu;

import java.util.Objects;

/**
 * What {@link CriuLocator#locate()} found: a working {@link Criu}, or the reason there is none.
 *
 * <p>A runtime that gets {@link Unavailable} starts its containers cold and shows {@link
 * Unavailable#reason()} once, as the reason.
 */
sealed interface CriuAvailability permits Criu, CriuAvailability.Unavailable {

  /** Whether a working criu was found. */
  default boolean isAvailable() {
    return this instanceof Criu;
  }

  /**
   * No usable criu.
   *
   * @param reason one sentence that names the criu (or where it was looked for), what is wrong
   *     and what to do, e.g. "criu at /usr/sbin/criu is version 3.17.1, too old: ..."
   */
  record Unavailable(String reason) implements CriuAvailability {

    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return "criu unavailable: " + reason;
    }
  }
}
