package dev.lifecycle.runtime.spi;

import java.util.Objects;

/**
 * One parameter of a {@code @Method}.
 *
 * @param name the parameter's name in source (as javac recorded it)
 * @param type the parameter's erased type; primitives as {@code int.class} etc.
 * @param genericType the declared type as source spells it, e.g. {@code
 *     java.util.List<java.lang.String>}
 */
public record ParameterDescriptor(String name, Class<?> type, String genericType) {

  public ParameterDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(genericType, "genericType");
  }

  /** {@code java.lang.String input}. */
  @Override
  public String toString() {
    return genericType + " " + name;
  }
}
