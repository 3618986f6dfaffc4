package dev.lifecycle.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A validated service: everything the dispatcher generator needs, and nothing from {@code
 * javax.lang.model}, so generation cannot meet an unvalidated element.
 *
 * @param serviceClass the {@code @Service} class
 * @param dispatcherClass the class to generate, {@code <package>.<Outer_Inner>_Lifecycle}
 * @param memorySnapshotEnabled {@code @Service(enableMemorySnapshot)}
 * @param options the runtime options of {@code @Service}
 * @param hooks every hook, grouped by kind in {@link HookKind} order, each group in run order
 * @param methods the {@code @Method}s, superclass methods first, then declaration order
 */
public record ServiceModel(
    ClassName serviceClass,
    ClassName dispatcherClass,
    boolean memorySnapshotEnabled,
    OptionsModel options,
    List<HookModel> hooks,
    List<MethodModel> methods) {

  public ServiceModel {
    hooks = List.copyOf(hooks);
    methods = List.copyOf(methods);
  }
}
