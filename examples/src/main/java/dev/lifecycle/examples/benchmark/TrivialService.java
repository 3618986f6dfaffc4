package dev.lifecycle.examples.benchmark;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** The smallest snapshot-enabled service: its image is what any image costs. */
@Service(enableMemorySnapshot = true)
public class TrivialService {

  private String state;

  @Enter(snap = true)
  void ready() {
    state = "ready";
  }

  @Method
  public String ping() {
    return state;
  }
}
