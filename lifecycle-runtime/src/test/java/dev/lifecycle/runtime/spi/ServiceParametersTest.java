package dev.lifecycle.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.spi.ServiceParameterDescriptor.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Strict conversion of parameter text, and the check of a whole set before a container starts. */
class ServiceParametersTest {

  private static final ServiceDescriptor SERVICE = new ServiceDescriptor(
      ServiceParametersTest.class, false,
      new ServiceOptions(1, Duration.ofSeconds(1), Duration.ofSeconds(1)), List.of(), List.of(),
      null, List.of(), List.of(
          new ServiceParameterDescriptor(0, "unit", Kind.ENUM, "java.util.concurrent.TimeUnit",
              true, "com.example.S", List.of("SECONDS", "MINUTES")),
          new ServiceParameterDescriptor(1, "b", Kind.BYTE, "byte", false, "com.example.S"),
          new ServiceParameterDescriptor(2, "c", Kind.CHAR, "char", false, "com.example.S"),
          new ServiceParameterDescriptor(3, "f", Kind.FLOAT, "float", false, "com.example.S"),
          new ServiceParameterDescriptor(4, "l", Kind.LONG, "java.lang.Long", false, "com.example.S"),
          new ServiceParameterDescriptor(5, "s", Kind.SHORT, "short", false, "com.example.S"),
          new ServiceParameterDescriptor(6, "on", Kind.BOOLEAN, "boolean", false, "com.example.S")));

  @Test
  void eachKindConvertsItsTextAndRefusesTheRest() {
    assertThat(ServiceParameters.toByte(SERVICE, 1, "-128")).isEqualTo((byte) -128);
    assertThatThrownBy(() -> ServiceParameters.toByte(SERVICE, 1, "128"))
        .hasMessageContaining("is of type byte and does not take \"128\": give a whole number"
            + " from -128 to 127.");
    assertThat(ServiceParameters.toChar(SERVICE, 2, ";")).isEqualTo(';');
    assertThatThrownBy(() -> ServiceParameters.toChar(SERVICE, 2, ""))
        .hasMessageContaining("give exactly one character");
    assertThat(ServiceParameters.toFloat(SERVICE, 3, "1.5")).isEqualTo(1.5f);
    assertThat(ServiceParameters.toLong(SERVICE, 4, "9000000000")).isEqualTo(9_000_000_000L);
    assertThatThrownBy(() -> ServiceParameters.toShort(SERVICE, 5, " 1"))
        .hasMessageContaining("does not take \" 1\"");
    assertThat(ServiceParameters.toBoolean(SERVICE, 6, "false")).isFalse();
    assertThatThrownBy(() -> ServiceParameters.toBoolean(SERVICE, 6, "False"))
        .hasMessageContaining("give true or false");
    assertThat(ServiceParameters.toEnum(SERVICE, 0, TimeUnit.class, "MINUTES"))
        .isEqualTo(TimeUnit.MINUTES);
    assertThatThrownBy(() -> ServiceParameters.toEnum(SERVICE, 0, TimeUnit.class, "minutes"))
        .hasMessage("Parameter 'unit' of service dev.lifecycle.runtime.spi.ServiceParametersTest"
            + " is of type java.util.concurrent.TimeUnit and does not take \"minutes\": give one of"
            + " SECONDS, MINUTES (as written, in that case).");
  }

  @Test
  void aSetIsCheckedForNamesRequiredParametersAndValues() {
    ServiceParameters.check(SERVICE, Map.of("unit", "SECONDS", "on", "true"));
    assertThatThrownBy(() -> ServiceParameters.check(SERVICE, Map.of("on", "true")))
        .hasMessageContaining("needs parameter 'unit' (@Parameter(required = true) on"
            + " com.example.S.unit, java.util.concurrent.TimeUnit), but it was not given.");
    assertThatThrownBy(() -> ServiceParameters.check(SERVICE, Map.of("unit", "HOURS")))
        .hasMessageContaining("does not take \"HOURS\": give one of SECONDS, MINUTES");
    assertThatThrownBy(() -> ServiceParameters.check(SERVICE, Map.of("unit", "SECONDS", "x", "1")))
        .hasMessageContaining("has no parameter 'x'; its parameters are unit"
            + " (java.util.concurrent.TimeUnit, required), b (byte), c (char)");
  }

  @Test
  void buildersGiveTextBoxedPrimitivesAndEnumConstantsAsText() {
    assertThat(ServiceParameters.text("n", "x")).isEqualTo("x");
    assertThat(ServiceParameters.text("n", 42)).isEqualTo("42");
    assertThat(ServiceParameters.text("n", 2.5d)).isEqualTo("2.5");
    assertThat(ServiceParameters.text("n", 'c')).isEqualTo("c");
    assertThat(ServiceParameters.text("n", true)).isEqualTo("true");
    assertThat(ServiceParameters.text("n", TimeUnit.SECONDS)).isEqualTo("SECONDS");
    assertThatThrownBy(() -> ServiceParameters.text("n", null))
        .hasMessage("Parameter 'n' is given null, but a parameter's value is a String, a boxed"
            + " primitive or an enum constant. Leave the parameter out to keep the field's initial"
            + " value.");
    assertThatThrownBy(() -> ServiceParameters.text("n", List.of()))
        .hasMessageContaining("is given a java.util.ImmutableCollections$ListN");
  }
}
