package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.services.Journal;
import dev.lifecycle.it.services.ParameterizedService;
import dev.lifecycle.it.services.PlainService;
import dev.lifecycle.runtime.Container;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14: one service class, configured per container by its {@code @Parameter} fields. */
class ParametersTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void theSnapHookSeesTheParametersAndTheOthersKeepTheirInitialValues() {
    try (Container<ParameterizedService> container = Container.builder(ParameterizedService.class)
        .parameter("size", ParameterizedService.Size.LARGE)
        .parameter("verbose", "true")
        .start()) {
      assertThat(container.call("built")).isEqualTo("LARGE/2/true/null/default");
    }
    assertThat(Journal.entries()).containsExactly("constructed", "snap LARGE/2/true/null/default");
  }

  @Test
  void everyTypeConvertsFromTextOrFromItsBoxedValue() {
    try (Container<ParameterizedService> container = Container.builder(ParameterizedService.class)
        .parameters(Map.of("size", "SMALL", "threads", 8, "temperature", "0.25", "label", ""))
        .parameter("threads", "16") // set again: the last value counts
        .start()) {
      assertThat(container.call("built")).isEqualTo("SMALL/16/false/0.25/");
    }
  }

  @Test
  void aNumberWithASignOrLeadingZerosIsTheNumber() {
    for (String threads : new String[] {"2", "+2", "02"}) {
      try (Container<ParameterizedService> container = Container.builder(ParameterizedService.class)
          .parameter("size", "SMALL").parameter("threads", threads)
          .parameter("temperature", "+0.50").start()) {
        assertThat(container.call("built")).as(threads).isEqualTo("SMALL/2/false/0.5/default");
      }
    }
  }

  @Test
  void aRequiredParameterNotGivenIsRefusedBeforeTheConstructor() {
    assertThatThrownBy(() -> Container.builder(ParameterizedService.class).parameter("threads", 4).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Service dev.lifecycle.it.services.ParameterizedService needs parameter 'size'"
            + " (@Parameter(required = true) on dev.lifecycle.it.services.ParameterizedService.size,"
            + " dev.lifecycle.it.services.ParameterizedService.Size), but it was not given. Set it"
            + " with parameter(\"size\", ...) on the container's or the pool's builder.");
    assertThat(Journal.entries()).isEmpty();
  }

  @Test
  void anUnknownNameIsRefusedListingTheParametersTheServiceTakes() {
    assertThatThrownBy(() -> Container.builder(ParameterizedService.class)
        .parameter("size", "SMALL").parameter("sise", "LARGE").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Service dev.lifecycle.it.services.ParameterizedService has no parameter 'sise';"
            + " its parameters are size (dev.lifecycle.it.services.ParameterizedService.Size,"
            + " required), threads (int), verbose (boolean), temperature (java.lang.Double), label"
            + " (java.lang.String). Use one of these names (a parameter's name is its field's name).");
    assertThatThrownBy(() -> Container.builder(PlainService.class).parameter("size", "SMALL").start())
        .hasMessage("Service dev.lifecycle.it.services.PlainService has no parameter 'size': it"
            + " declares no @Parameter fields. Remove the parameter, or declare a @Parameter field"
            + " named size in the service.");
    assertThat(Journal.entries()).isEmpty();
  }

  @Test
  void aValueOfTheWrongShapeIsRefusedSayingWhatTheParameterTakes() {
    assertThatThrownBy(() -> start("size", "large"))
        .hasMessage("Parameter 'size' of service dev.lifecycle.it.services.ParameterizedService is"
            + " of type dev.lifecycle.it.services.ParameterizedService.Size and does not take"
            + " \"large\": give one of SMALL, LARGE (as written, in that case).");
    assertThatThrownBy(() -> start("threads", "many"))
        .hasMessage("Parameter 'threads' of service dev.lifecycle.it.services.ParameterizedService"
            + " is of type int and does not take \"many\": give a whole number from -2147483648 to"
            + " 2147483647.");
    assertThatThrownBy(() -> start("threads", "4000000000"))
        .hasMessageContaining("does not take \"4000000000\": give a whole number");
    assertThatThrownBy(() -> start("verbose", "yes"))
        .hasMessageContaining("is of type boolean and does not take \"yes\": give true or false.");
    assertThatThrownBy(() -> start("verbose", "TRUE"))
        .hasMessageContaining("does not take \"TRUE\": give true or false.");
    assertThatThrownBy(() -> start("temperature", "warm"))
        .hasMessageContaining("is of type java.lang.Double and does not take \"warm\": give a"
            + " decimal number such as 0.5, -2 or 1.5e3");
    assertThatThrownBy(() -> start("temperature", "1e999"))
        .hasMessageContaining("does not take \"1e999\": give a decimal number");
    assertThatThrownBy(() -> start("temperature", "NaN"))
        .hasMessageContaining("does not take \"NaN\": give a decimal number");
    assertThatThrownBy(() -> start("threads", " 2"))
        .hasMessageContaining("does not take \" 2\": give a whole number");
    assertThatThrownBy(() -> Container.builder(ParameterizedService.class)
        .parameter("label", "a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Parameter 'label' holds a NUL character, which no parameter"
            + " takes");
    assertThatThrownBy(() -> Container.builder(ParameterizedService.class)
        .parameter("size", new StringBuilder("SMALL")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'size' is given a java.lang.StringBuilder, but a parameter's value is"
            + " a String, a boxed primitive or an enum constant.");
    assertThat(Journal.entries()).isEmpty();
  }

  private static void start(String name, String value) {
    Container.builder(ParameterizedService.class).parameter("size", "SMALL")
        .parameter(name, value).start().close();
  }
}
