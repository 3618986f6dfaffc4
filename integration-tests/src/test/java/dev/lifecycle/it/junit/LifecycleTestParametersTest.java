package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.ParameterizedService;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.Container;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** {@code @LifecycleTest(parameters)} sets the service's parameters before its snap hook. */
@LifecycleTest(value = ParameterizedService.class, simulateSnapshot = true,
    parameters = {"size=LARGE", "threads=+8", "label=a=b"})
class LifecycleTestParametersTest {

  @Test
  void theSnapHookSawTheAnnotationsParameters(Container<ParameterizedService> container) {
    assertThat(container.call("built")).isEqualTo("LARGE/8/false/null/a=b");
  }

  @Test
  void anEntryWithoutANameIsAConfigurationError() {
    TestExecutionSummary summary = Fixtures.run(EntryWithoutName.class);

    assertThat(summary.getFailures()).singleElement()
        .extracting(f -> f.getException(), InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@LifecycleTest(parameters) entry \"=LARGE\" is not name=value: write each"
            + " parameter as \"size=LARGE\".");
  }

  @OnlyInLauncher
  @LifecycleTest(value = ParameterizedService.class, parameters = {"=LARGE"})
  static class EntryWithoutName {
    @Test
    void neverRuns() {}
  }
}
