package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.UUID;

/** Says which container answered: to see inputs spread over a pool. */
@Service(maxConcurrentInputs = 2)
public class WhoService {

  private String container;

  @Enter
  void name() {
    container = UUID.randomUUID().toString();
  }

  /** {@code "7@<container>"}. */
  @Method
  public String who(int input) throws InterruptedException {
    Thread.sleep(1); // long enough for the pool to need its second container
    return input + "@" + container;
  }
}
