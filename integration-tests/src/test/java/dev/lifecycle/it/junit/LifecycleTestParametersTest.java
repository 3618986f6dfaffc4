package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.ParameterizedService;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.Container;
import org.junit.jupiter.api.Test;

/** {@code @LifecycleTest(parameters)} sets the service's parameters before its snap hook. */
@LifecycleTest(value = ParameterizedService.class, simulateSnapshot = true,
    parameters = {"size=LARGE", "threads=8", "label=a=b"})
class LifecycleTestParametersTest {

  @Test
  void theSnapHookSawTheAnnotationsParameters(Container<ParameterizedService> container) {
    assertThat(container.call("built")).isEqualTo("LARGE/8/false/null/a=b");
  }
}
