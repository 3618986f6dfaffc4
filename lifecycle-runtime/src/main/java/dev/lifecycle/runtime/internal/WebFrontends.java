package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.WebMethodDescriptor.Kind;
import java.util.Optional;
import java.util.ServiceLoader;

/** Whether a service serves HTTP, and the web frontend that serves it, from lifecycle-web. */
public final class WebFrontends {

  /** What a user adds to the build when a service needs a web frontend and none is there. */
  public static final String WEB_ARTIFACT = "dev.lifecycle:lifecycle-web";

  private WebFrontends() {}

  /**
   * Whether a container of {@code service} serves HTTP itself: it has a {@code @WebEndpoint} or a
   * {@code @WebApp} ({@code @Server}s and {@code @WebServer}s listen on ports of their own).
   */
  public static boolean serves(ServiceDescriptor service) {
    return !service.webMethods(Kind.ENDPOINT).isEmpty() || !service.webMethods(Kind.APP).isEmpty();
  }

  /**
   * Starts the frontend of a container that {@link #serves} HTTP; empty when the service does not.
   *
   * @throws WebStartException when lifecycle-web is missing, or the frontend failed to start
   */
  public static <T> Optional<WebFrontend> start(
      ServiceDispatcher<T> dispatcher, T instance, String containerId, WebBinding binding,
      InputRunner inputs) throws WebStartException {
    if (!serves(dispatcher.descriptor())) {
      return Optional.empty();
    }
    return Optional.of(factory(dispatcher.descriptor())
        .start(dispatcher, instance, containerId, binding, inputs));
  }

  private static WebFrontendFactory factory(ServiceDescriptor service) throws WebStartException {
    // The service's own class loader first: in a container or an application server, the one
    // that loaded the service also sees the libraries it was built with.
    ClassLoader loader = service.serviceClass().getClassLoader();
    Optional<WebFrontendFactory> found =
        ServiceLoader.load(WebFrontendFactory.class, loader).findFirst()
            .or(() -> ServiceLoader.load(WebFrontendFactory.class).findFirst());
    return found.orElseThrow(() -> new WebStartException("it has @WebEndpoint or @WebApp methods,"
        + " but " + WEB_ARTIFACT + " is not on the class path, so nothing can serve them. Add the"
        + " dependency " + WEB_ARTIFACT + " (the same version as lifecycle-runtime) to the"
        + " application.", null));
  }
}
