package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Service;

/** Its constructor throws, so no hook can run. */
@Service
public class FailingConstructorService {

  public FailingConstructorService() {
    throw new IllegalArgumentException("missing configuration");
  }

  @Enter
  void open() {
    Journal.write("enter");
  }

  @Exit
  void close() {
    Journal.write("exit");
  }
}
