package dev.lifecycle.processor.generation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.testing.compile.Compilation;
import com.sun.net.httpserver.HttpHandler;
import dev.lifecycle.processor.testing.CompiledClasses;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.internal.Dispatchers;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor.Kind;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles services with web methods and a {@code @Server}, loads their generated dispatchers and
 * calls the web methods through {@code callWeb}.
 */
class WebDispatcherRuntimeTest {

  private static final JavaFileObject BASE =
      source(
          "com.example.base.Monitored",
          """
          package com.example.base;

          import dev.lifecycle.*;
          import dev.lifecycle.processor.generation.Events;

          public abstract class Monitored<S> {
            @WebEndpoint(method = "get", path = "/health")
            public S health() { Events.record("base health"); return null; }

            @WebServer(port = 9090)
            public void metrics() { Events.record("metrics"); }
          }
          """);

  private static final JavaFileObject SERVICE =
      source(
          "com.example.Shop",
          """
          package com.example;

          import com.example.base.Monitored;
          import com.sun.net.httpserver.HttpHandler;
          import dev.lifecycle.*;
          import dev.lifecycle.processor.generation.Events;
          import java.util.List;

          @Service
          public class Shop extends Monitored<String> {
            @Override
            public String health() { Events.record("shop health"); return "ok"; }

            @WebEndpoint(path = "/orders")
            public String order(String item, int quantity, List<Integer> coupons) {
              return quantity + " x " + item + " " + coupons;
            }

            @WebEndpoint(method = "Delete", path = "/orders")
            void cancel(long id) { Events.record("cancelled " + id); }

            @WebApp
            HttpHandler app() { Events.record("app"); return exchange -> {}; }

            @WebServer(port = 8001, startupTimeoutSeconds = 15)
            void serve() { Events.record("serve"); }
          }
          """);

  private ServiceDispatcher<Object> dispatcher;
  private Object service;

  @BeforeEach
  void compileAndLoad() {
    Compilation compilation = compile(BASE, SERVICE);
    assertThat(compilation).succeededWithoutWarnings();
    dispatcher = load(compilation, "com.example.Shop");
    service = dispatcher.newInstance();
    Events.takeAll();
  }

  @Test
  void descriptorListsWebMethodsSuperclassFirstWithKindRouteAndPort() {
    ServiceDescriptor descriptor = dispatcher.descriptor();

    assertThat(descriptor.isServer()).isFalse();
    assertThat(descriptor.methods()).isEmpty();
    assertThat(descriptor.webMethods())
        .extracting(
            WebMethodDescriptor::index,
            WebMethodDescriptor::kind,
            web -> web.method().name(),
            WebMethodDescriptor::httpMethod,
            WebMethodDescriptor::path,
            WebMethodDescriptor::port,
            WebMethodDescriptor::startupTimeout)
        .containsExactly(
            tuple(0, Kind.ENDPOINT, "health", "GET", "/health", 0, null),
            tuple(1, Kind.SERVER, "metrics", null, null, 9090, Duration.ofSeconds(60)),
            tuple(2, Kind.ENDPOINT, "order", "POST", "/orders", 0, null),
            tuple(3, Kind.ENDPOINT, "cancel", "DELETE", "/orders", 0, null),
            tuple(4, Kind.APP, "app", null, null, 0, null),
            tuple(5, Kind.SERVER, "serve", null, null, 8001, Duration.ofSeconds(15)));
  }

  @Test
  void descriptorCarriesParameterAndReturnTypesSeenFromTheService() {
    List<WebMethodDescriptor> web = dispatcher.descriptor().webMethods();

    // The superclass declares S; the service fixes it to String.
    assertThat(web.get(0).method().returnType()).isEqualTo(String.class);
    MethodDescriptor order = web.get(2).method();
    assertThat(order.signature())
        .isEqualTo(
            "order(java.lang.String item, int quantity, java.util.List<java.lang.Integer>"
                + " coupons)");
    assertThat(order.parameters().get(1).type()).isEqualTo(int.class);
    assertThat(order.parameters().get(2).type()).isEqualTo(List.class);
    assertThat(web.get(3).method().returnType()).isEqualTo(void.class);
    assertThat(web.get(4).method().returnType()).isEqualTo(HttpHandler.class);
    assertThat(web.get(2).displayName())
        .isEqualTo(
            "@WebEndpoint POST /orders order(java.lang.String item, int quantity,"
                + " java.util.List<java.lang.Integer> coupons)");
  }

  @Test
  void callsEndpointsWithTheirArguments() throws Throwable {
    assertThat(dispatcher.callWeb(service, 2, new Object[] {"tea", 2, List.of(5, 10)}))
        .isEqualTo("2 x tea [5, 10]");
    assertThat(dispatcher.callWeb(service, 3, new Object[] {42L})).isNull();
    assertThat(Events.takeAll()).containsExactly("cancelled 42");
  }

  @Test
  void inheritedEndpointRunsTheOverride() throws Throwable {
    assertThat(dispatcher.callWeb(service, 0, null)).isEqualTo("ok");
    assertThat(Events.takeAll()).containsExactly("shop health");
  }

  @Test
  void callsAppsAndServersWithoutArguments() throws Throwable {
    assertThat(dispatcher.callWeb(service, 4, null)).isInstanceOf(HttpHandler.class);
    assertThat(dispatcher.callWeb(service, 5, new Object[0])).isNull();
    assertThat(dispatcher.callWeb(service, 1, null)).isNull();
    assertThat(Events.takeAll()).containsExactly("app", "serve", "metrics");
  }

  @Test
  void wrongArgumentCountIsAClearError() {
    assertThatThrownBy(() -> dispatcher.callWeb(service, 2, new Object[] {"tea", 2}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessage(
            "Method order(java.lang.String item, int quantity, java.util.List<java.lang.Integer>"
                + " coupons) of service com.example.Shop takes 3 arguments but was called with"
                + " 2.");
    assertThatThrownBy(() -> dispatcher.callWeb(service, 4, new Object[] {"/"}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessage(
            "Method app() of service com.example.Shop takes 0 arguments but was called with 1.");
  }

  @Test
  void wrongArgumentTypeIsAClearError() {
    // An Integer for a long is widened, as Java would; a String is not a number.
    assertThatThrownBy(() -> dispatcher.callWeb(service, 3, new Object[] {"42"}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessage(
            "Argument 1 (id) of method cancel(long id) of service com.example.Shop has type"
                + " java.lang.String, but the parameter is long.");
    assertThatThrownBy(() -> dispatcher.callWeb(service, 2, new Object[] {"tea", null, List.of()}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessageEndingWith("is null, but the parameter is a primitive int.");
    assertThat(Events.takeAll()).isEmpty();
  }

  @Test
  void indexOutOfRangeIsAClearError() {
    assertThatThrownBy(() -> dispatcher.callWeb(service, 6, null))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("web method index 6 out of range 0 until 6");
  }

  @Test
  void serverDescriptorCarriesPortStartupTimeoutAndExitGracePeriod() {
    ServiceDispatcher<Object> server =
        load(
            compile(
                source(
                    "com.example.Files",
                    """
                    package com.example;

                    import dev.lifecycle.*;

                    @Server(port = 8000, startupTimeoutSeconds = 20, exitGracePeriodSeconds = 5)
                    public class Files {
                      @Enter void start() {}
                      @Exit void stop() {}
                    }
                    """)),
            "com.example.Files");
    ServiceDescriptor descriptor = server.descriptor();

    assertThat(descriptor.isServer()).isTrue();
    assertThat(descriptor.server().port()).isEqualTo(8000);
    assertThat(descriptor.server().startupTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(descriptor.options().exitGracePeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(descriptor.webMethods()).isEmpty();
    assertThatThrownBy(() -> server.callWeb(server.newInstance(), 0, null))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void serverDefaultsAreDescribed() {
    ServiceDescriptor descriptor =
        load(
                compile(
                    source(
                        "com.example.Files",
                        """
                        package com.example;

                        @dev.lifecycle.Server(port = 8000)
                        public class Files {
                          @dev.lifecycle.Enter void start() {}
                        }
                        """)),
                "com.example.Files")
            .descriptor();

    assertThat(descriptor.server().startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(descriptor.options().exitGracePeriod()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void serviceWithoutWebMethodsKeepsTheDefaultCallWeb() throws Throwable {
    ServiceDispatcher<Object> plain =
        load(compile(GoldenServices.PLAIN), "com.example.Greeter");

    assertThat(plain.descriptor().isServer()).isFalse();
    assertThat(plain.descriptor().webMethods()).isEmpty();
    assertThatThrownBy(() -> plain.callWeb(plain.newInstance(), 0, null))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("web method index 0 out of range 0 until 0");
  }

  @SuppressWarnings("unchecked")
  private static ServiceDispatcher<Object> load(Compilation compilation, String serviceName) {
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> serviceClass = new CompiledClasses(compilation).load(serviceName);
    return (ServiceDispatcher<Object>) Dispatchers.of(serviceClass);
  }
}
