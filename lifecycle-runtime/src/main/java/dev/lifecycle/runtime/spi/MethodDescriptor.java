package dev.lifecycle.runtime.spi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One {@code @Method} of a service: the name callers use, its parameters and result.
 *
 * @param name the method's name, unique within its service
 * @param parameters the parameters in declaration order
 * @param returnType the erased return type; {@code void.class} for none
 * @param genericReturnType the declared return type as source spells it
 */
public record MethodDescriptor(
    String name, List<ParameterDescriptor> parameters, Class<?> returnType, String genericReturnType) {

  public MethodDescriptor {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(genericReturnType, "genericReturnType");
  }

  /** {@code predict(java.lang.String input)}: how messages name the method. */
  public String signature() {
    return parameters.stream()
        .map(ParameterDescriptor::toString)
        .collect(Collectors.joining(", ", name + "(", ")"));
  }
}
