package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * lifecycle-runtime alone, as a user who forgot lifecycle-web has it: a service with a web
 * endpoint does not start, says which dependency to add, and its exit hooks run.
 */
class WebWithoutLifecycleWebTest {

  static final class Api {
    final List<String> events = new ArrayList<>();
  }

  @Test
  void theRuntimeAloneHasNoWebFrontend() {
    assertThat(ServiceLoader.load(dev.lifecycle.runtime.internal.WebFrontendFactory.class))
        .as("this module's test class path must not hold lifecycle-web")
        .isEmpty();
  }

  @Test
  void aServiceWithEndpointsFailsToStartNamingLifecycleWeb() {
    Api api = new Api();
    assertThatThrownBy(() -> HandDispatcher.of(Api.class, () -> api)
            .exit("close", a -> a.events.add("exit"))
            .endpoint("POST", "/ping", method("ping", String.class), (a, args) -> "pong")
            .start())
        .isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("@WebEndpoint or @WebApp methods")
        .hasMessageContaining("dev.lifecycle:lifecycle-web is not on the class path")
        .hasMessageContaining("Add the dependency dev.lifecycle:lifecycle-web");
    assertThat(api.events).containsExactly("exit");
  }
}
