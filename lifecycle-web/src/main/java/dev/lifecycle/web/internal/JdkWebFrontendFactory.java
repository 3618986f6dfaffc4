package dev.lifecycle.web.internal;

import dev.lifecycle.runtime.internal.InputRunner;
import dev.lifecycle.runtime.internal.WebBinding;
import dev.lifecycle.runtime.internal.WebFrontend;
import dev.lifecycle.runtime.internal.WebFrontendFactory;
import dev.lifecycle.runtime.internal.WebStartException;
import dev.lifecycle.runtime.spi.ServiceDispatcher;

/**
 * The runtime's way in to lifecycle-web: registered in {@code META-INF/services}, found by the
 * runtime with {@link java.util.ServiceLoader}. Needs the public no-argument constructor.
 */
public final class JdkWebFrontendFactory implements WebFrontendFactory {

  @Override
  public <T> WebFrontend start(ServiceDispatcher<T> dispatcher, T instance, String containerId,
      WebBinding binding, InputRunner inputs) throws WebStartException {
    return JdkWebFrontend.start(dispatcher, instance, containerId, binding, inputs);
  }
}
