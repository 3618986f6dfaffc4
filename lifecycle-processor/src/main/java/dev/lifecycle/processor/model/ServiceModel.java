package dev.lifecycle.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated service: everything the dispatcher generator needs, and nothing from {@code
 * javax.lang.model}, so generation cannot meet an unvalidated element.
 *
 * @param serviceClass the {@code @Service}, {@code @FunctionService} or {@code @Server} class
 * @param dispatcherClass the class to generate, {@code <package>.<Outer_Inner>_Lifecycle}
 * @param memorySnapshotEnabled {@code enableMemorySnapshot} of the class's annotation
 * @param options the runtime options of the class's annotation; for a {@code @Server}, its exit
 *     grace period and the defaults of the options servers do not have
 * @param hooks every hook, grouped by kind in {@link HookKind} order, each group in run order
 * @param methods the {@code @Method}s, superclass methods first, then declaration order
 * @param server what {@code @Server} declares; empty for services and function services
 * @param webMethods the web methods, superclass methods first, then declaration order; a web
 *     method's position here is its index in the dispatcher
 * @param parameters the {@code @Parameter} fields, superclass fields first, then declaration
 *     order; a parameter's position here is its index in the descriptor
 */
public record ServiceModel(
    ClassName serviceClass,
    ClassName dispatcherClass,
    boolean memorySnapshotEnabled,
    OptionsModel options,
    List<HookModel> hooks,
    List<MethodModel> methods,
    Optional<ServerModel> server,
    List<WebMethodModel> webMethods,
    List<ServiceParameterModel> parameters) {

  public ServiceModel {
    hooks = List.copyOf(hooks);
    methods = List.copyOf(methods);
    Objects.requireNonNull(server, "server");
    webMethods = List.copyOf(webMethods);
    parameters = List.copyOf(parameters);
  }

  /** Whether the class serves HTTP: it is a {@code @Server} or has web methods. */
  public boolean servesHttp() {
    return server.isPresent() || !webMethods.isEmpty();
  }
}
