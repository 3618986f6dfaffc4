package dev.lifecycle.runtime.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One {@code @Method} of a service: the name callers use, its parameters and result.
 *
 * @param name the method's name, unique within its service
 * @param parameters the parameters in declaration order
 * @param returnType the erased return type; {@code void.class} for none
 * @param genericReturnType the declared return type as source spells it
 * @param declaredExceptions the erasures of the types its {@code throws} clause names, in order:
 *     through a pool they arrive as themselves (see {@code docs/snapshots.md})
 * @param batching for a {@code @Batched} method, how callers' inputs are grouped; else empty
 */
public record MethodDescriptor(
    String name, List<ParameterDescriptor> parameters, Class<?> returnType, String genericReturnType,
    List<Class<? extends Throwable>> declaredExceptions, Optional<Batching> batching) {

  public MethodDescriptor {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(genericReturnType, "genericReturnType");
    declaredExceptions = List.copyOf(declaredExceptions);
    Objects.requireNonNull(batching, "batching");
  }

  /** A method that is not {@code @Batched}. */
  public MethodDescriptor(
      String name, List<ParameterDescriptor> parameters, Class<?> returnType, String genericReturnType,
      List<Class<? extends Throwable>> declaredExceptions) {
    this(name, parameters, returnType, genericReturnType, declaredExceptions, Optional.empty());
  }

  /**
   * What a caller passes: the parameters, or for a {@code @Batched} method its one input (the
   * element type of its list).
   */
  public List<ParameterDescriptor> callParameters() {
    return batching.map(b -> List.of(b.input())).orElse(parameters);
  }

  /** What a caller gets back, erased: the return type, or a batched method's element type. */
  public Class<?> callReturnType() {
    return batching.<Class<?>>map(Batching::outputType).orElse(returnType);
  }

  /** {@link #callReturnType()} as source spells it. */
  public String genericCallReturnType() {
    return batching.map(Batching::genericOutputType).orElse(genericReturnType);
  }

  /** A method whose {@code throws} clause names nothing. */
  public MethodDescriptor(
      String name, List<ParameterDescriptor> parameters, Class<?> returnType, String genericReturnType) {
    this(name, parameters, returnType, genericReturnType, List.of());
  }

  /** Whether the method returns a {@code java.util.stream.Stream}, whose items travel one by one. */
  public boolean streams() {
    return returnType == Stream.class;
  }

  /**
   * The type of a streaming method's items as source spells it ({@code T} of its {@code
   * Stream<T>}); {@code java.lang.Object} when it does not say.
   */
  public String genericStreamItemType() {
    String prefix = "java.util.stream.Stream<";
    return genericReturnType.startsWith(prefix) && genericReturnType.endsWith(">")
        ? genericReturnType.substring(prefix.length(), genericReturnType.length() - 1)
        : "java.lang.Object";
  }

  /** {@code predict(java.lang.String input)}: how messages name the method. */
  public String signature() {
    return parameters.stream()
        .map(ParameterDescriptor::toString)
        .collect(Collectors.joining(", ", name + "(", ")"));
  }
}
