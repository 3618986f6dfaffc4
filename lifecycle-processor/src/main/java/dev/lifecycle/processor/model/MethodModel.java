package dev.lifecycle.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code @Method} or web method of a service.
 *
 * @param name the Java method's name; for a {@code @Method}, the name callers invoke, unique within
 *     the service
 * @param parameters in declaration order
 * @param returnType as seen from the service; {@link TypeName#VOID} for none
 * @param returnErasure the erasure of {@code returnType}
 * @param thrownErasures the erasures of the types its {@code throws} clause names, in order
 * @param batching for a {@code @Batched} method, how it batches; else empty
 * @param varargs whether its last parameter is a varargs one ({@code String... names})
 */
public record MethodModel(
    String name, List<ParameterModel> parameters, TypeName returnType, TypeName returnErasure,
    List<TypeName> thrownErasures, Optional<BatchingModel> batching, boolean varargs) {

  public MethodModel {
    parameters = List.copyOf(parameters);
    thrownErasures = List.copyOf(thrownErasures);
    Objects.requireNonNull(batching, "batching");
  }

  /**
   * A {@code @Batched} method's batching: what one caller passes and gets.
   *
   * @param maxBatchSize the most inputs in one call
   * @param waitMillis how long a batch waits to fill
   * @param input one caller's input: the element of the method's {@code List<T>} parameter
   * @param output one caller's result type: the element of the method's {@code List<R>}
   * @param outputErasure the erasure of {@code output}
   */
  public record BatchingModel(
      int maxBatchSize, long waitMillis, ParameterModel input, TypeName output,
      TypeName outputErasure) {}

  public boolean returnsVoid() {
    return returnType.equals(TypeName.VOID);
  }
}
