package dev.lifecycle.pool.criu;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The criu of this machine, for tests that need a real one. They fail, never skip, without it:
 * CI installs criu, so a missing one is a broken setup that must show.
 */
final class RequiredCriu {

  private RequiredCriu() {}

  static Criu get() {
    CriuAvailability availability = CriuLocator.fromEnvironment().locate();
    if (availability instanceof Criu criu) {
      return criu;
    }
    return fail("This test needs a working CRIU (4.1 or newer, tests run as root;"
        + " `lifecycle install-criu` installs it, `lifecycle doctor` checks it), but: "
        + ((CriuAvailability.Unavailable) availability).reason());
  }
}
