package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** Takes a while to start, so that a test can act while a start is under way. */
@Service
public class SlowStartService {

  @Enter
  void warmUp() throws InterruptedException {
    Thread.sleep(1500);
  }

  @Method
  public String ping() {
    return "pong";
  }
}
