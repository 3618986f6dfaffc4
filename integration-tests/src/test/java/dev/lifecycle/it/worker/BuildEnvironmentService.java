package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;

/**
 * Reads a build-time value in its snap hook, from its process environment, and a restore-time
 * value after it; and opens nothing, so that every pool can checkpoint it.
 */
@Service(enableMemorySnapshot = true)
public class BuildEnvironmentService {

  private String model;
  private String greeting;

  @Enter(snap = true)
  void load() {
    model = System.getenv("MODEL");
  }

  @Enter
  void greet() {
    greeting = RestoreEnvironment.get("GREETING");
  }

  @Method
  public String model() {
    return model;
  }

  @Method
  public String greeting() {
    return greeting;
  }
}
