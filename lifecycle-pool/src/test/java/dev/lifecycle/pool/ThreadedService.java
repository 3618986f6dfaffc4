package dev.lifecycle.pool;

/**
 * A service with parameters, for tests of what the pool's builder makes of them; its dispatcher
 * ({@link ThreadedService_Lifecycle}) is written by hand, as this module's tests run no annotation
 * processor. No worker ever runs it.
 */
public class ThreadedService {

  /** How large a model to load. */
  public enum Size { SMALL, LARGE }

  int threads = 1;
  double temperature;
  Size size;
}
