package dev.lifecycle.runtime;

import com.sun.net.httpserver.HttpHandler;
import dev.lifecycle.runtime.spi.Arguments;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ParameterDescriptor;
import dev.lifecycle.runtime.spi.ServerDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceOptions;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A dispatcher written by hand, as the processor would generate it, for runtime tests of web
 * methods and servers (generated dispatchers do not implement {@code callWeb} yet).
 */
final class HandDispatcher<T> implements ServiceDispatcher<T> {

  /** A hook or a method without arguments. */
  interface Body<T> {
    void run(T service) throws Throwable;
  }

  /** A web method with its arguments. */
  interface WebBody<T> {
    Object call(T service, Object[] args) throws Throwable;
  }

  private final ServiceDescriptor descriptor;
  private final Supplier<T> constructor;
  private final List<Body<T>> hooks;
  private final List<WebBody<T>> webBodies;

  private HandDispatcher(
      ServiceDescriptor descriptor, Supplier<T> constructor, List<Body<T>> hooks, List<WebBody<T>> webBodies) {
    this.descriptor = descriptor;
    this.constructor = constructor;
    this.hooks = List.copyOf(hooks);
    this.webBodies = List.copyOf(webBodies);
  }

  static <T> Builder<T> of(Class<T> serviceClass, Supplier<T> constructor) {
    return new Builder<>(serviceClass, constructor);
  }

  static MethodDescriptor method(String name, Class<?> returnType, ParameterDescriptor... parameters) {
    return new MethodDescriptor(name, List.of(parameters), returnType, returnType.getCanonicalName());
  }

  static MethodDescriptor method(
      String name, Class<?> returnType, String genericReturnType, ParameterDescriptor... parameters) {
    return new MethodDescriptor(name, List.of(parameters), returnType, genericReturnType);
  }

  static ParameterDescriptor param(String name, Class<?> type) {
    return new ParameterDescriptor(name, type, type.getCanonicalName());
  }

  static ParameterDescriptor param(String name, Class<?> type, String genericType) {
    return new ParameterDescriptor(name, type, genericType);
  }

  @Override
  public ServiceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public T newInstance() {
    return constructor.get();
  }

  @Override
  public void callHook(T service, int hookIndex) throws Throwable {
    hooks.get(hookIndex).run(service);
  }

  @Override
  public Object invoke(T service, String method, Object[] args) {
    throw new UnknownMethodException(descriptor, method);
  }

  @Override
  public Object callWeb(T service, int webIndex, Object[] args) throws Throwable {
    Object[] checked = Arguments.check(descriptor, descriptor.webMethods().get(webIndex).method(), args);
    return webBodies.get(webIndex).call(service, checked);
  }

  static final class Builder<T> {

    private final Class<T> serviceClass;
    private final Supplier<T> constructor;
    private ServiceOptions options = new ServiceOptions(4, Duration.ofSeconds(30), Duration.ofSeconds(5));
    private ServerDescriptor server;
    private boolean memorySnapshot;
    private final List<String> snapNames = new ArrayList<>();
    private final List<Body<T>> snapHooks = new ArrayList<>();
    private final List<String> enterNames = new ArrayList<>();
    private final List<Body<T>> enterHooks = new ArrayList<>();
    private final List<String> exitNames = new ArrayList<>();
    private final List<Body<T>> exitHooks = new ArrayList<>();
    private final List<WebMethodDescriptor> webMethods = new ArrayList<>();
    private final List<WebBody<T>> webBodies = new ArrayList<>();

    private Builder(Class<T> serviceClass, Supplier<T> constructor) {
      this.serviceClass = serviceClass;
      this.constructor = constructor;
    }

    Builder<T> options(int maxConcurrentInputs, Duration inputTimeout, Duration exitGracePeriod) {
      options = new ServiceOptions(maxConcurrentInputs, inputTimeout, exitGracePeriod);
      return this;
    }

    Builder<T> server(int port, Duration startupTimeout) {
      server = new ServerDescriptor(port, startupTimeout);
      return this;
    }

    /** {@code enableMemorySnapshot = true}: the container reaches its checkpoint engine. */
    Builder<T> memorySnapshot() {
      memorySnapshot = true;
      return this;
    }

    /** An {@code @Enter(snap = true)} hook. */
    Builder<T> snapEnter(String name, Body<T> body) {
      snapNames.add(name);
      snapHooks.add(body);
      return this;
    }

    Builder<T> enter(String name, Body<T> body) {
      enterNames.add(name);
      enterHooks.add(body);
      return this;
    }

    Builder<T> exit(String name, Body<T> body) {
      exitNames.add(name);
      exitHooks.add(body);
      return this;
    }

    Builder<T> endpoint(String httpMethod, String path, MethodDescriptor method, WebBody<T> body) {
      webMethods.add(WebMethodDescriptor.endpoint(webMethods.size(), method, httpMethod, path));
      webBodies.add(body);
      return this;
    }

    Builder<T> app(String name, Function<T, HttpHandler> body) {
      webMethods.add(WebMethodDescriptor.app(
          webMethods.size(), method(name, HttpHandler.class)));
      webBodies.add((service, args) -> body.apply(service));
      return this;
    }

    Builder<T> webServer(String name, int port, Duration startupTimeout, Body<T> body) {
      webMethods.add(WebMethodDescriptor.server(
          webMethods.size(), method(name, void.class), port, startupTimeout));
      webBodies.add((service, args) -> {
        body.run(service);
        return null;
      });
      return this;
    }

    HandDispatcher<T> build() {
      List<HookDescriptor> hooks = new ArrayList<>();
      for (String name : snapNames) {
        hooks.add(new HookDescriptor(hooks.size(), HookPhase.ENTER_BEFORE_SNAPSHOT, serviceClass.getName(), name));
      }
      for (String name : enterNames) {
        hooks.add(new HookDescriptor(hooks.size(), HookPhase.ENTER_AFTER_SNAPSHOT, serviceClass.getName(), name));
      }
      for (String name : exitNames) {
        hooks.add(new HookDescriptor(hooks.size(), HookPhase.EXIT, serviceClass.getName(), name));
      }
      List<Body<T>> bodies = new ArrayList<>(snapHooks);
      bodies.addAll(enterHooks);
      bodies.addAll(exitHooks);
      ServiceDescriptor descriptor =
          new ServiceDescriptor(serviceClass, memorySnapshot, options, hooks, List.of(), server, webMethods);
      return new HandDispatcher<>(descriptor, constructor, bodies, webBodies);
    }

    /** A builder for a container of this dispatcher, without a JVM shutdown hook. */
    ContainerBuilder<T> container() {
      return new ContainerBuilder<>(build()).shutdownHook(false);
    }

    Container<T> start() {
      return container().start();
    }
  }
}
