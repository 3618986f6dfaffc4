package dev.lifecycle.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One {@code @Method} or web method of a service.
 *
 * @param name the Java method's name; for a {@code @Method}, the name callers invoke, unique within
 *     the service
 * @param parameters in declaration order
 * @param returnType as seen from the service; {@link TypeName#VOID} for none
 * @param returnErasure the erasure of {@code returnType}
 * @param thrownErasures the erasures of the types its {@code throws} clause names, in order
 */
public record MethodModel(
    String name, List<ParameterModel> parameters, TypeName returnType, TypeName returnErasure,
    List<TypeName> thrownErasures) {

  public MethodModel {
    parameters = List.copyOf(parameters);
    thrownErasures = List.copyOf(thrownErasures);
  }

  public boolean returnsVoid() {
    return returnType.equals(TypeName.VOID);
  }
}
