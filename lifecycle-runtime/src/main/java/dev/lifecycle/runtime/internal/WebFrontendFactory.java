package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.spi.ServiceDispatcher;

/**
 * Starts web frontends: the seam between the runtime, which has no third-party dependency, and
 * lifecycle-web, which serves HTTP with JSON. lifecycle-web registers its implementation in
 * {@code META-INF/services}; {@link WebFrontends} finds it with {@link java.util.ServiceLoader}.
 */
public interface WebFrontendFactory {

  /**
   * Calls the {@code @WebApp} method, if any, binds the port and starts serving; called only for
   * services that {@link WebFrontends#serves serve HTTP}.
   *
   * @throws WebStartException when the app method threw or returned no handler, or the port could
   *     not be bound; nothing is left listening then
   */
  <T> WebFrontend start(
      ServiceDispatcher<T> dispatcher,
      T instance,
      String containerId,
      WebBinding binding,
      InputRunner inputs)
      throws WebStartException;
}
