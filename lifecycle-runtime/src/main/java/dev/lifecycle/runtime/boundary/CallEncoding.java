package dev.lifecycle.runtime.boundary;

import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;

/**
 * How a call's arguments and result cross the boundary between a caller and a container. In one
 * JVM nothing is encoded ({@link #none()}); a pool sends both as JSON, and offers that encoding
 * here (found with {@link java.util.ServiceLoader}) so that a test in one JVM sees what a pool
 * would pass: {@code lifecycle-junit} uses it.
 *
 * <p>Both methods run after the argument rule has accepted the arguments, and must be safe to
 * call from many threads at once.
 */
public interface CallEncoding {

  /**
   * The arguments as the container receives them.
   *
   * @throws dev.lifecycle.runtime.ArgumentMismatchException when an argument cannot cross
   */
  Object[] arguments(ServiceDescriptor service, MethodDescriptor method, Object[] args);

  /**
   * The result as the caller receives it.
   *
   * @throws IllegalStateException when the result cannot cross
   */
  Object result(ServiceDescriptor service, MethodDescriptor method, Object result);

  /** The encoding of one JVM: arguments and results pass as they are. */
  static CallEncoding none() {
    return NoEncoding.INSTANCE;
  }
}
