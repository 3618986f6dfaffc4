package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/**
 * A snapshot-enabled service whose own code links nothing after a restore (no lambda, no random
 * generator): what a clone of it links on its way to serving is the runtime's.
 */
@Service(enableMemorySnapshot = true)
public class LinkingService {

  private volatile String model;
  private volatile long startedAt;

  @Enter(snap = true)
  void load() {
    model = "weights";
  }

  @Enter
  void start() {
    startedAt = System.nanoTime();
  }

  @Method
  public String predict(String input) {
    return model + ":" + input + (startedAt != 0 ? "" : "?");
  }
}
