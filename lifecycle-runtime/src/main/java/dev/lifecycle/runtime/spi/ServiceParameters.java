package dev.lifecycle.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values of a service's {@code @Parameter} fields, given as text: checked as a whole before a
 * container starts ({@link #check}), and converted one by one by the generated dispatcher, which
 * assigns the result to the field ({@link #toInt} and its siblings).
 *
 * <p>Conversion is strict, so that a typo fails the start instead of configuring something else:
 * {@code boolean} takes {@code true} or {@code false} only (any case would hide {@code "ture"}),
 * an enum the exact name of a constant, {@code char} exactly one character, the whole-number types
 * a plain decimal number in their range (an optional sign, then ASCII digits: {@code +2} and {@code
 * 02} are two, {@code 010} is ten, never octal), {@code float} and {@code double} a plain decimal
 * number (an optional sign, digits, an optional fraction {@code .5}, an optional exponent {@code
 * e-3}) whose value the type holds: no {@code NaN}, {@code Infinity}, hexadecimal or {@code f}/{@code
 * d} suffix, nothing too large (it would be infinite) or too small (it would be zero). No kind but
 * {@code String} takes surrounding spaces. Every refusal is an {@link IllegalArgumentException}
 * naming the service, the parameter, the value and what the parameter takes.
 *
 * <p>One value may be written several ways ({@code 2}, {@code +2}, {@code 02}); {@link #canonical}
 * gives the one text of each value, so that a snapshot key does not depend on the spelling.
 */
public final class ServiceParameters {

  /** What the whole-number kinds take before their range is checked: ASCII digits only. */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
  /** What {@code float} and {@code double} take: {@code parseDouble} alone takes far more. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  /** A decimal with a digit other than 0 before any exponent: its value is not zero. */
  private static final Pattern NONZERO_MANTISSA = Pattern.compile("[+-]?[0.]*[1-9].*");

  private ServiceParameters() {}

  /**
   * {@code "name=value"} split at its first {@code =} (the value may hold more, and may be
   * empty): how annotations, command lines and options write one parameter. Empty when there is
   * no {@code =} or nothing before it; the caller refuses that in its own words.
   */
  public static Optional<Map.Entry<String, String>> assignment(String nameEqualsValue) {
    int equals = nameEqualsValue.indexOf('=');
    if (equals <= 0) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(
        nameEqualsValue.substring(0, equals), nameEqualsValue.substring(equals + 1)));
  }

  /**
   * {@link #check Checks} {@code values} and gives each in its one canonical text: what {@code
   * String.valueOf} makes of the converted value ({@code 2} for {@code +2} or {@code 02}, {@code
   * 0.5} for {@code 0.50}), an enum constant's name, a {@code String} as it is. Converting the
   * canonical text again gives the same value.
   *
   * @return the canonical values, in the order of {@code values}
   * @throws IllegalArgumentException as {@link #check} does
   */
  public static Map<String, String> canonical(ServiceDescriptor service, Map<String, String> values) {
    check(service, values);
    Map<String, String> canonical = new LinkedHashMap<>();
    values.forEach((name, value) ->
        canonical.put(name, String.valueOf(convert(service, find(service, name), value))));
    return canonical;
  }

  /**
   * Checks a complete set of values for {@code service}: every name is one of its parameters,
   * every required parameter has a value, every value converts to its parameter's type.
   *
   * @param values the values by parameter name; none may be {@code null}
   * @throws IllegalArgumentException for the first name, missing parameter or value that is wrong,
   *     saying what the service takes
   */
  public static void check(ServiceDescriptor service, Map<String, String> values) {
    for (Map.Entry<String, String> entry : values.entrySet()) {
      ServiceParameterDescriptor parameter = find(service, entry.getKey());
      Objects.requireNonNull(entry.getValue(), () -> "value of parameter " + entry.getKey());
      convert(service, parameter, entry.getValue());
    }
    for (ServiceParameterDescriptor parameter : service.parameters()) {
      if (parameter.required() && !values.containsKey(parameter.name())) {
        throw new IllegalArgumentException("Service " + service.serviceName() + " needs parameter '"
            + parameter.name() + "' (@Parameter(required = true) on " + parameter.fieldName()
            + ", " + parameter.typeName() + "), but it was not given. Set it with parameter(\""
            + parameter.name() + "\", ...) on the container's or the pool's builder.");
      }
    }
  }

  /**
   * How a builder's value is given to a container: a {@code String} as it is, an enum constant by
   * its name, a boxed primitive by {@code String.valueOf}. Both builders, the container's and the
   * pool's, take their values through here, so both refuse the same values in the same words.
   *
   * @throws IllegalArgumentException for a value of any other type, {@code null}, or text holding
   *     a NUL character (which a pool's worker could not get on its command line)
   */
  public static String text(String name, Object value) {
    if (value instanceof String text) {
      if (text.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("Parameter '" + name + "' holds a NUL character, which"
            + " no parameter takes: a pool's workers get their parameters on their command lines,"
            + " which cannot hold one. Give a value without it.");
      }
      return text;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Boolean || value instanceof Character || value instanceof Byte
        || value instanceof Short || value instanceof Integer || value instanceof Long
        || value instanceof Float || value instanceof Double) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException("Parameter '" + name + "' is given "
        + (value == null ? "null" : "a " + value.getClass().getName())
        + ", but a parameter's value is a String, a boxed primitive or an enum constant."
        + (value == null ? " Leave the parameter out to keep the field's initial value." : ""));
  }

  /**
   * The parameter {@code name} of {@code service}.
   *
   * @throws IllegalArgumentException when the service declares no parameter of that name
   */
  public static ServiceParameterDescriptor find(ServiceDescriptor service, String name) {
    return service.parameter(name).orElseThrow(() -> unknown(service, name));
  }

  /** The refusal of a name {@code service} declares no parameter of. */
  public static IllegalArgumentException unknown(ServiceDescriptor service, String name) {
    if (service.parameters().isEmpty()) {
      return new IllegalArgumentException("Service " + service.serviceName() + " has no parameter '"
          + name + "': it declares no @Parameter fields. Remove the parameter, or declare a"
          + " @Parameter field named " + name + " in the service.");
    }
    return new IllegalArgumentException("Service " + service.serviceName() + " has no parameter '"
        + name + "'; its parameters are " + service.parameters().stream()
            .map(ServiceParameterDescriptor::summary).collect(Collectors.joining(", "))
        + ". Use one of these names (a parameter's name is its field's name).");
  }

  /**
   * {@code value} converted to the type of {@code parameter}, boxed; an enum parameter's value is
   * its constant's name, checked against {@link ServiceParameterDescriptor#constants()}.
   */
  static Object convert(ServiceDescriptor service, ServiceParameterDescriptor parameter, String value) {
    int i = parameter.index();
    return switch (parameter.kind()) {
      case STRING -> value;
      case BOOLEAN -> toBoolean(service, i, value);
      case CHAR -> toChar(service, i, value);
      case BYTE -> toByte(service, i, value);
      case SHORT -> toShort(service, i, value);
      case INT -> toInt(service, i, value);
      case LONG -> toLong(service, i, value);
      case FLOAT -> toFloat(service, i, value);
      case DOUBLE -> toDouble(service, i, value);
      case ENUM -> {
        if (!parameter.constants().contains(value)) {
          throw refused(service, parameter, value, constants(parameter));
        }
        yield value;
      }
    };
  }

  /** {@code true} or {@code false}, nothing else. */
  public static boolean toBoolean(ServiceDescriptor service, int index, String value) {
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw refused(service, service.parameters().get(index), value, "true or false");
  }

  /** Exactly one character. */
  public static char toChar(ServiceDescriptor service, int index, String value) {
    if (value.length() != 1) {
      throw refused(service, service.parameters().get(index), value, "exactly one character");
    }
    return value.charAt(0);
  }

  /** A plain decimal number from -128 to 127. */
  public static byte toByte(ServiceDescriptor service, int index, String value) {
    return whole(service, index, value, Byte::parseByte, Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  /** A plain decimal number in the range of {@code short}. */
  public static short toShort(ServiceDescriptor service, int index, String value) {
    return whole(service, index, value, Short::parseShort, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  /** A plain decimal number in the range of {@code int}. */
  public static int toInt(ServiceDescriptor service, int index, String value) {
    return whole(service, index, value, Integer::parseInt, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** A plain decimal number in the range of {@code long}. */
  public static long toLong(ServiceDescriptor service, int index, String value) {
    return whole(service, index, value, Long::parseLong, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A plain decimal number, such as {@code 0.5} or {@code -1.5e3}, that a {@code float} holds. */
  public static float toFloat(ServiceDescriptor service, int index, String value) {
    return decimal(service, index, value, Float::parseFloat, Float.MIN_VALUE, Float.MAX_VALUE);
  }

  /** A plain decimal number, such as {@code 0.5} or {@code -1.5e3}, that a {@code double} holds. */
  public static double toDouble(ServiceDescriptor service, int index, String value) {
    return decimal(service, index, value, Double::parseDouble, Double.MIN_VALUE, Double.MAX_VALUE);
  }

  /**
   * The constant of {@code type} named {@code value}.
   *
   * @param type the enum of the field, which the dispatcher names with a class literal
   */
  public static <E extends Enum<E>> E toEnum(
      ServiceDescriptor service, int index, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      ServiceParameterDescriptor parameter = service.parameters().get(index);
      throw refused(service, parameter, value, constants(parameter));
    }
  }

  private static <N> N whole(ServiceDescriptor service, int index, String value,
      Function<String, N> parse, long min, long max) {
    String takes = "a whole number from " + min + " to " + max;
    if (!WHOLE_NUMBER.matcher(value).matches()) {
      throw refused(service, service.parameters().get(index), value, takes);
    }
    return parse(service, index, value, parse, takes);
  }

  private static <N extends Number> N decimal(ServiceDescriptor service, int index, String value,
      Function<String, N> parse, N smallest, N largest) {
    String takes = "a decimal number such as 0.5, -2 or 1.5e3 (digits, an optional fraction and"
        + " exponent, no spaces), zero or of a size from " + smallest + " to " + largest;
    if (!DECIMAL.matcher(value).matches()) {
      throw refused(service, service.parameters().get(index), value, takes);
    }
    N parsed = parse(service, index, value, parse, takes);
    // Parsing rounds a number the type cannot hold to infinity or to zero: refused, not changed.
    double held = parsed.doubleValue();
    if (Double.isInfinite(held) || (held == 0 && NONZERO_MANTISSA.matcher(value).matches())) {
      throw refused(service, service.parameters().get(index), value, takes);
    }
    return parsed;
  }

  private static <N> N parse(ServiceDescriptor service, int index, String value,
      Function<String, N> parse, String takes) {
    try {
      return parse.apply(value);
    } catch (NumberFormatException e) {
      throw refused(service, service.parameters().get(index), value, takes);
    }
  }

  private static String constants(ServiceParameterDescriptor parameter) {
    List<String> names = new ArrayList<>(parameter.constants());
    return names.isEmpty() ? "no value at all (the enum has no constants)"
        : "one of " + String.join(", ", names) + " (as written, in that case)";
  }

  private static IllegalArgumentException refused(
      ServiceDescriptor service, ServiceParameterDescriptor parameter, String value, String takes) {
    return new IllegalArgumentException("Parameter '" + parameter.name() + "' of service "
        + service.serviceName() + " is of type " + parameter.typeName() + " and does not take \""
        + value + "\": give " + takes + ".");
  }
}
