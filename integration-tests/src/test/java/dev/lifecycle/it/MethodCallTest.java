package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lifecycle.it.services.CalculatorService;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.UnknownMethodException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 3: calling {@code @Method}s by name, and a method that throws. */
class MethodCallTest {

  @Test
  void aCallReturnsTheMethodsResult() {
    try (Container<CalculatorService> container = Container.start(CalculatorService.class)) {
      assertThat(container.call("divide", 12, 4)).isEqualTo(3);
      assertThat(container.call("sum", List.of(1, 2, 3))).isEqualTo(6L);
      assertThat(container.call("reset")).isNull();
    }
  }

  @Test
  void aMethodThatThrowsFailsThatCallWithTheUsersExceptionAsCause() {
    try (Container<CalculatorService> container = Container.start(CalculatorService.class)) {
      MethodFailedException failure =
          catchThrowableOfType(MethodFailedException.class, () -> container.call("divide", 1, 0));

      assertThat(failure.getCause()).isInstanceOf(ArithmeticException.class).hasMessage("/ by zero");
      assertThat(failure.methodName()).isEqualTo("divide");
      assertThat(failure.getMessage()).contains("divide", CalculatorService.class.getName(), "/ by zero", "keeps serving");
    }
  }

  @Test
  void theContainerKeepsServingAfterAMethodThrows() {
    try (Container<CalculatorService> container = Container.start(CalculatorService.class)) {
      catchThrowableOfType(MethodFailedException.class, () -> container.call("divide", 1, 0));

      assertThat(container.phase()).isEqualTo(Phase.RUNNING);
      assertThat(container.call("divide", 9, 3)).isEqualTo(3);
      assertThat(container.instance().calls()).isEqualTo(2);
    }
  }

  @Test
  void anUnknownMethodFailsNamingTheMethodsTheServiceHas() {
    try (Container<CalculatorService> container = Container.start(CalculatorService.class)) {
      UnknownMethodException failure =
          catchThrowableOfType(UnknownMethodException.class, () -> container.call("multiply", 2, 3));

      assertThat(failure.getMessage()).contains("multiply", "divide(int dividend, int divisor)");
    }
  }

  @Test
  void wrongArgumentsFailBeforeTheMethodRuns() {
    try (Container<CalculatorService> container = Container.start(CalculatorService.class)) {
      ArgumentMismatchException failure =
          catchThrowableOfType(ArgumentMismatchException.class, () -> container.call("divide", "12", 4));

      assertThat(failure.getMessage()).contains("dividend");
      assertThat(container.instance().calls()).isZero();
    }
  }

  @Test
  void theTypedHandleIsTheInstanceTheContainerCalls() {
    try (Container<CalculatorService> container = Container.start(CalculatorService.class)) {
      container.call("divide", 4, 2);
      CalculatorService instance = container.instance();

      assertThat(instance.calls()).isEqualTo(1);
      assertThat(instance.divide(8, 2)).isEqualTo(4);
    }
  }
}
