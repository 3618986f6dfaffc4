package dev.lifecycle.it.services;

import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** One cheap method, for tests that call it a great many times. */
@Service
public class EchoNumberService {

  /** {@code n} times {@code factor}. */
  @Method
  public int times(int n, int factor) {
    return n * factor;
  }
}
