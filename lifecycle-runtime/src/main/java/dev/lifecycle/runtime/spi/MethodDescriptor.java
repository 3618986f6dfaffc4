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
 * @param declaredExceptions the erasures of the types its {@code throws} clause names, in order:
 *     through a pool they arrive as themselves (see {@code docs/snapshots.md})
 */
public record MethodDescriptor(
    String name, List<ParameterDescriptor> parameters, Class<?> returnType, String genericReturnType,
    List<Class<? extends Throwable>> declaredExceptions) {

  public MethodDescriptor {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(genericReturnType, "genericReturnType");
    declaredExceptions = List.copyOf(declaredExceptions);
  }

  /** A method whose {@code throws} clause names nothing. */
  public MethodDescriptor(
      String name, List<ParameterDescriptor> parameters, Class<?> returnType, String genericReturnType) {
    this(name, parameters, returnType, genericReturnType, List.of());
  }

  /** {@code predict(java.lang.String input)}: how messages name the method. */
  public String signature() {
    return parameters.stream()
        .map(ParameterDescriptor::toString)
        .collect(Collectors.joining(", ", name + "(", ")"));
  }
}
