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
          new ServiceParameterDescriptor(6, "on", Kind.BOOLEAN, "boolean", false, "com.example.S"),
          new ServiceParameterDescriptor(7, "i", Kind.INT, "int", false, "com.example.S"),
          new ServiceParameterDescriptor(8, "d", Kind.DOUBLE, "java.lang.Double", false,
              "com.example.S")));

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
  void floatAndDoubleTakeAPlainDecimalNumberOfTheirRangeOnly() {
    assertThat(ServiceParameters.toFloat(SERVICE, 3, "-1.5e3")).isEqualTo(-1500f);
    assertThat(ServiceParameters.toFloat(SERVICE, 3, "+0.25")).isEqualTo(0.25f);
    assertThat(ServiceParameters.toFloat(SERVICE, 3, "0e5")).isZero();
    assertThat(ServiceParameters.toDouble(SERVICE, 8, "1E308")).isEqualTo(1e308);
    assertThat(ServiceParameters.toDouble(SERVICE, 8, "-0.0")).isEqualTo(-0.0d);
    // What Float.parseFloat takes beyond that: spaces, NaN, infinities, suffixes, hexadecimal.
    for (String wrong : List.of("1e39", "1e-50", "NaN", "Infinity", "-Infinity", " 0.5 ", "0.5 ",
        "1.5f", "1.5d", "0x1p3", ".5", "5.", "1e", "", "1,5")) {
      assertThatThrownBy(() -> ServiceParameters.toFloat(SERVICE, 3, wrong))
          .as(wrong).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Parameter 'f' of service dev.lifecycle.runtime.spi.ServiceParametersTest is"
              + " of type float and does not take \"" + wrong + "\": give a decimal number such as"
              + " 0.5, -2 or 1.5e3 (digits, an optional fraction and exponent, no spaces), zero or"
              + " of a size from 1.4E-45 to 3.4028235E38.");
    }
    for (String wrong : List.of("1e309", "1e-400", "NaN", "1.5d", " 1", "0x10")) {
      assertThatThrownBy(() -> ServiceParameters.toDouble(SERVICE, 8, wrong))
          .as(wrong).hasMessageContaining("is of type java.lang.Double and does not take \""
              + wrong + "\": give a decimal number such as 0.5, -2 or 1.5e3")
          .hasMessageEndingWith("of a size from 4.9E-324 to 1.7976931348623157E308.");
    }
  }

  @Test
  void wholeNumbersTakeASignAndLeadingZerosButNoSpacesAndOnlyAsciiDigits() {
    assertThat(ServiceParameters.toInt(SERVICE, 7, "+2")).isEqualTo(2);
    assertThat(ServiceParameters.toInt(SERVICE, 7, "02")).isEqualTo(2);
    assertThat(ServiceParameters.toInt(SERVICE, 7, "010")).isEqualTo(10); // never octal
    assertThat(ServiceParameters.toLong(SERVICE, 4, "-0")).isZero();
    // Integer.parseInt takes the digits of every script: \u0662 is an Arabic-Indic two.
    for (String wrong : List.of(" 2", "2 ", "\u0662", "2.0", "0x2", "1e3", "", "+", "2L")) {
      assertThatThrownBy(() -> ServiceParameters.toInt(SERVICE, 7, wrong))
          .as(wrong).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Parameter 'i' of service dev.lifecycle.runtime.spi.ServiceParametersTest is"
              + " of type int and does not take \"" + wrong + "\": give a whole number from"
              + " -2147483648 to 2147483647.");
    }
    assertThatThrownBy(() -> ServiceParameters.toByte(SERVICE, 1, "\u0661"))
        .hasMessageContaining("give a whole number from -128 to 127.");
  }

  @Test
  void eachValueHasOneCanonicalTextHoweverItWasWritten() {
    Map<String, String> plain = ServiceParameters.canonical(SERVICE,
        Map.of("unit", "SECONDS", "i", "2", "d", "0.5", "f", "1500", "b", "-1", "c", "x"));
    assertThat(plain).containsExactlyInAnyOrderEntriesOf(Map.of("unit", "SECONDS", "i", "2",
        "d", "0.5", "f", "1500.0", "b", "-1", "c", "x"));
    assertThat(ServiceParameters.canonical(SERVICE,
        Map.of("unit", "SECONDS", "i", "+2", "d", "0.50", "f", "1.5e3", "b", "-01", "c", "x")))
        .isEqualTo(plain);
    assertThat(ServiceParameters.canonical(SERVICE, Map.of("unit", "SECONDS", "i", "02", "d",
        "5e-1", "f", "+1500.000", "b", "-1", "c", "x"))).isEqualTo(plain);
    // The canonical text converts to the same value again.
    assertThat(ServiceParameters.canonical(SERVICE, plain)).isEqualTo(plain);
    assertThat(ServiceParameters.canonical(SERVICE, Map.of("unit", "MINUTES", "d", "1e300")))
        .containsEntry("d", "1.0E300");
    assertThatThrownBy(() -> ServiceParameters.canonical(SERVICE, Map.of("unit", "SECONDS", "i",
        "2 "))).hasMessageContaining("does not take \"2 \"");
    assertThatThrownBy(() -> ServiceParameters.canonical(SERVICE, Map.of("i", "2")))
        .hasMessageContaining("needs parameter 'unit'");
  }

  @Test
  void nameEqualsValueSplitsAtTheFirstEquals() {
    assertThat(ServiceParameters.assignment("label=a=b")).contains(Map.entry("label", "a=b"));
    assertThat(ServiceParameters.assignment("label=")).contains(Map.entry("label", ""));
    assertThat(ServiceParameters.assignment("=x")).isEmpty();
    assertThat(ServiceParameters.assignment("label")).isEmpty();
    assertThat(ServiceParameters.assignment("")).isEmpty();
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
    assertThatThrownBy(() -> ServiceParameters.text("n", "a\0b"))
        .hasMessage("Parameter 'n' holds a NUL character, which no parameter takes: a pool's"
            + " workers get their parameters on their command lines, which cannot hold one. Give a"
            + " value without it.");
    assertThatThrownBy(() -> ServiceParameters.text("n", List.of()))
        .hasMessageContaining("is given a java.util.ImmutableCollections$ListN");
  }
}
