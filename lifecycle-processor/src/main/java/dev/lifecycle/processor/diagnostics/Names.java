package dev.lifecycle.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Parameterizable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** How messages name elements: short enough to read, precise enough to find. */
public final class Names {

  private Names() {}

  /**
   * {@code MLModel.load(String)}: the declaring class's simple name, parameter types simple,
   * varargs as {@code String...}.
   */
  public static String method(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      TypeMirror type = declared.get(i).asType();
      if (method.isVarArgs() && i == declared.size() - 1 && type instanceof ArrayType array) {
        parameters.add(simpleType(array.getComponentType()) + "...");
      } else {
        parameters.add(simpleType(type));
      }
    }
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName()
        + String.join(", ", parameters).transform(joined -> "(" + joined + ")");
  }

  /** {@code Model.size}: the declaring class's simple name and the field's. */
  public static String field(VariableElement field) {
    return field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
  }

  /** {@code <K, V>} for a generic method or class. */
  public static String typeParameters(Parameterizable element) {
    return element.getTypeParameters().stream()
        .map(Element::getSimpleName)
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /** {@code com.example.MLModel}. */
  public static String type(TypeElement type) {
    return type.getQualifiedName().toString();
  }

  /** A method as {@link #method}, a type by its qualified name, anything else as javac prints it. */
  public static String describe(Element element) {
    if (element instanceof ExecutableElement method) {
      return method(method);
    }
    if (element instanceof TypeElement type) {
      return type(type);
    }
    if (element instanceof VariableElement field && element.getKind() == ElementKind.FIELD) {
      return field(field);
    }
    return String.valueOf(element);
  }

  /**
   * {@code CompletableFuture<Void>} for {@code java.util.concurrent.CompletableFuture<Void>};
   * nested types keep their outer names: {@code Flow.Publisher<String>}.
   */
  public static String simpleType(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return simpleType(array.getComponentType()) + "[]";
    }
    if (type instanceof WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        return "? extends " + simpleType(wildcard.getExtendsBound());
      }
      return wildcard.getSuperBound() == null ? "?" : "? super " + simpleType(wildcard.getSuperBound());
    }
    if (type instanceof DeclaredType declared) {
      String name = nestedName(declared.asElement());
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      return declared.getTypeArguments().stream()
          .map(Names::simpleType)
          .collect(Collectors.joining(", ", name + "<", ">"));
    }
    return type.toString();
  }

  private static String nestedName(Element type) {
    String name = type.getSimpleName().toString();
    for (Element outer = type.getEnclosingElement();
        outer instanceof TypeElement;
        outer = outer.getEnclosingElement()) {
      name = outer.getSimpleName() + "." + name;
    }
    return name;
  }
}
