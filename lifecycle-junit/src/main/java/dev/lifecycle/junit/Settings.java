package dev.lifecycle.junit;

import dev.lifecycle.runtime.ContainerBuilder;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What to start. */
record Settings<T>(
    Class<T> serviceClass,
    ContainerScope scope,
    boolean simulateSnapshot,
    JsonCalls jsonCalls,
    Consumer<? super T> atSnapshot,
    Consumer<ContainerBuilder<T>> configure) {

  static Settings<?> fromAnnotation(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      LifecycleTest test = type.getAnnotation(LifecycleTest.class);
      if (test != null) {
        return new Settings<>(
            test.value(), test.scope(), test.simulateSnapshot(), test.jsonCalls(), x -> {}, x -> {});
      }
    }
    throw new ExtensionConfigurationException(
        "LifecycleExtension on " + testClass.getName() + " does not know which service to start: "
            + "annotate the class with @LifecycleTest(YourService.class), or register "
            + "LifecycleExtension.forService(YourService.class).build() with @RegisterExtension.");
  }

  /** Store key: one container per service, so two extensions for two services do not mix. */
  String key() {
    return "container:" + serviceClass.getName();
  }
}
