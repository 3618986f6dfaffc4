package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** No memory snapshot: it must never reach the snapshot step. */
@Service
public class PlainService {

  @Enter
  void setUp() {
    Journal.write("plain.enter");
  }

  @Method
  public String echo(String text) {
    return text;
  }

  @Exit
  void tearDown() {
    Journal.write("plain.exit");
  }
}
