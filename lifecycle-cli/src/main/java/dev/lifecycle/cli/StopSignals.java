package dev.lifecycle.cli;

import java.util.function.Consumer;

/**
 * SIGTERM and SIGINT as a request to stop, not as the end of the JVM: so that {@code lifecycle
 * run} closes its pool (the exit hooks run) and exits with 0, as Kubernetes and systemd expect of a
 * clean stop. {@code sun.misc.Signal} (module jdk.unsupported, in every JDK) is the only way to
 * handle a signal in Java; where it cannot be used, the JVM's own handling remains (shutdown
 * hooks, exit code 143), and {@code run}'s shutdown hook closes the pool.
 */
final class StopSignals {

  private StopSignals() {}

  // javac warns of sun.misc.Signal, and no annotation silences it: the price of a clean stop.
  static void install(Consumer<String> onStop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> onStop.accept(s.getName()));
      } catch (IllegalArgumentException | LinkageError e) {
        // this JVM does not let us handle it: its default stands
      }
    }
  }
}
