package dev.lifecycle.junit;

import dev.lifecycle.runtime.ContainerBuilder;
import dev.lifecycle.runtime.spi.ServiceParameters;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** {@code "size=LARGE"} entries as a map, in their order. */
  private static Map<String, String> parameters(LifecycleTest test) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String entry : test.parameters()) {
      Map.Entry<String, String> parameter = ServiceParameters.assignment(entry)
          .orElseThrow(() -> new ExtensionConfigurationException("@LifecycleTest(parameters)"
              + " entry \"" + entry + "\" is not name=value: write each parameter as"
              + " \"size=LARGE\"."));
      parameters.put(parameter.getKey(), parameter.getValue());
    }
    return parameters;
  }

  static Settings<?> fromAnnotation(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      LifecycleTest test = type.getAnnotation(LifecycleTest.class);
      if (test != null) {
        Map<String, String> parameters = parameters(test);
        return new Settings<>(test.value(), test.scope(), test.simulateSnapshot(),
            test.jsonCalls(), x -> {}, builder -> builder.parameters(parameters));
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
