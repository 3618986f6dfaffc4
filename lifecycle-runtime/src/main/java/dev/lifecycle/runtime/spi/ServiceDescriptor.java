package dev.lifecycle.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service is, as its annotation processor saw it: its hooks in the order they run and its
 * methods in declaration order. Generated dispatchers hold one constant of this type.
 *
 * @param serviceClass the {@code @Service} class
 * @param memorySnapshotEnabled {@code @Service(enableMemorySnapshot)}
 * @param options the runtime options the annotation declares
 * @param hooks every hook, grouped by phase in {@link HookPhase} order, each group in the order it
 *     runs; a hook's {@link HookDescriptor#index()} is its position in this list
 * @param methods the {@code @Method}s, inherited ones included, superclass methods first
 * @param server what {@code @Server} declares; {@code null} for services and function services
 * @param webMethods the web methods ({@code @WebEndpoint}, {@code @WebApp}, {@code @WebServer}),
 *     superclass methods first; a web method's {@link WebMethodDescriptor#index()} is its position
 *     in this list
 * @param parameters the {@code @Parameter} fields, superclass fields first, then declaration
 *     order; a parameter's {@link ServiceParameterDescriptor#index()} is its position in this list
 */
public record ServiceDescriptor(
    Class<?> serviceClass,
    boolean memorySnapshotEnabled,
    ServiceOptions options,
    List<HookDescriptor> hooks,
    List<MethodDescriptor> methods,
    ServerDescriptor server,
    List<WebMethodDescriptor> webMethods,
    List<ServiceParameterDescriptor> parameters) {

  /** A service without parameters. */
  public ServiceDescriptor(
      Class<?> serviceClass,
      boolean memorySnapshotEnabled,
      ServiceOptions options,
      List<HookDescriptor> hooks,
      List<MethodDescriptor> methods,
      ServerDescriptor server,
      List<WebMethodDescriptor> webMethods) {
    this(serviceClass, memorySnapshotEnabled, options, hooks, methods, server, webMethods, List.of());
  }

  /** A service without web methods that is not a server. */
  public ServiceDescriptor(
      Class<?> serviceClass,
      boolean memorySnapshotEnabled,
      ServiceOptions options,
      List<HookDescriptor> hooks,
      List<MethodDescriptor> methods) {
    this(serviceClass, memorySnapshotEnabled, options, hooks, methods, null, List.of(), List.of());
  }

  public ServiceDescriptor {
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(options, "options");
    hooks = List.copyOf(hooks);
    methods = List.copyOf(methods);
    webMethods = List.copyOf(webMethods);
    parameters = List.copyOf(parameters);
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).index() != i) {
        throw new IllegalArgumentException(
            "parameter " + parameters.get(i).name() + " has index " + parameters.get(i).index()
                + " but stands at position " + i);
      }
    }
    for (int i = 0; i < webMethods.size(); i++) {
      if (webMethods.get(i).index() != i) {
        throw new IllegalArgumentException(
            "web method " + webMethods.get(i).displayName() + " has index "
                + webMethods.get(i).index() + " but stands at position " + i);
      }
    }
    for (int i = 0; i < hooks.size(); i++) {
      if (hooks.get(i).index() != i) {
        throw new IllegalArgumentException(
            "hook " + hooks.get(i).displayName() + " has index " + hooks.get(i).index()
                + " but stands at position " + i);
      }
    }
  }

  /** The service's name in messages: its canonical class name. */
  public String serviceName() {
    return serviceClass.getName().replace('$', '.');
  }

  /** Whether the class is a {@code @Server}: then {@link #server()} is not {@code null}. */
  public boolean isServer() {
    return server != null;
  }

  /** The web methods of one kind, in {@link #webMethods()} order. */
  public List<WebMethodDescriptor> webMethods(WebMethodDescriptor.Kind kind) {
    // A loop, like method(String): a restored clone runs this for the first time on its start.
    List<WebMethodDescriptor> found = new ArrayList<>();
    for (WebMethodDescriptor web : webMethods) {
      if (web.kind() == kind) {
        found.add(web);
      }
    }
    return List.copyOf(found);
  }

  /** The hooks of one phase, in the order they run. */
  public List<HookDescriptor> hooks(HookPhase phase) {
    return hooks.stream().filter(hook -> hook.phase() == phase).toList();
  }

  /** The {@code @Parameter} of this name. */
  public Optional<ServiceParameterDescriptor> parameter(String name) {
    return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
  }

  /**
   * The method callers reach by this name. A loop, not a stream: a restored clone runs this for
   * the first time on its first call, where linking a lambda costs about a millisecond.
   */
  public Optional<MethodDescriptor> method(String name) {
    for (MethodDescriptor method : methods) {
      if (method.name().equals(name)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
