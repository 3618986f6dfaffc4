package dev.lifecycle.processor.validation;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** How messages name elements: short enough to read, precise enough to find. */
final class Names {

  private Names() {}

  /** {@code MLModel.load(String)}: the declaring class's simple name, parameter types simple. */
  static String method(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName()
        + method.getParameters().stream()
            .map(parameter -> simpleType(parameter.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code com.example.MLModel}. */
  static String type(TypeElement type) {
    return type.getQualifiedName().toString();
  }

  /** {@code CompletableFuture<Void>} for {@code java.util.concurrent.CompletableFuture<java.lang.Void>}. */
  static String simpleType(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return simpleType(array.getComponentType()) + "[]";
    }
    if (type instanceof DeclaredType declared) {
      String name = declared.asElement().getSimpleName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      return declared.getTypeArguments().stream()
          .map(Names::simpleType)
          .collect(Collectors.joining(", ", name + "<", ">"));
    }
    return type.toString();
  }
}
