package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.CalculatorService;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With one test instance per class, JUnit creates the instance before the class's beforeAll
 * callbacks; the per-class container must still reach the constructor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LifecycleTest(CalculatorService.class)
class ConstructorInjectionTest {

  private final Container<CalculatorService> container;

  ConstructorInjectionTest(Container<CalculatorService> container) {
    this.container = container;
  }

  @Test
  void theConstructorReceivesTheContainerThatTestMethodsGet(CalculatorService service) {
    assertThat(container.instance()).isSameAs(service);
    assertThat(container.call("divide", 6, 3)).isEqualTo(2);
  }
}
