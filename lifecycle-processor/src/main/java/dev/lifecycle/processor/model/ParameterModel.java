package dev.lifecycle.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One parameter of a {@code @Method} or a {@code @WebEndpoint}.
 *
 * @param name its source name
 * @param type its type as seen from the service (type variables of generic superclasses resolved)
 * @param erasure the erasure of {@code type}, for class literals and argument checks
 */
public record ParameterModel(String name, TypeName type, TypeName erasure) {

  /** Whether casting {@code Object} to {@code type} is an unchecked conversion. */
  public boolean needsUncheckedCast() {
    return !type.equals(erasure);
  }
}
