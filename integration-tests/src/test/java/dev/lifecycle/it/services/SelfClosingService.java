package dev.lifecycle.it.services;

import dev.lifecycle.Exit;
import dev.lifecycle.Service;

/** Its exit hook closes its own container again, a mistake that must not hang the stop. */
@Service
public class SelfClosingService {

  public volatile AutoCloseable container;

  @Exit
  void closeAgain() {
    try {
      container.close();
      Journal.write("returned");
    } catch (Exception e) {
      Journal.write(e.getClass().getSimpleName());
    }
  }
}
