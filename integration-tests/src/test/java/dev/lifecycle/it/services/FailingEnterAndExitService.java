package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Service;

/** An enter hook throws, and so does the exit hook that should clean up after it. */
@Service
public class FailingEnterAndExitService {

  @Enter
  void open() {
    throw new IllegalStateException("enter failed");
  }

  @Exit
  void close() {
    throw new IllegalStateException("exit failed too");
  }

  @Exit
  void release() {
    Journal.write("exit.release");
  }
}
