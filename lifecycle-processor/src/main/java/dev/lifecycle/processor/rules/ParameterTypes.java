package dev.lifecycle.processor.rules;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The types a {@code @Parameter} field may have: {@code String}, a primitive, a primitive's box, an
 * enum. Each converts from the text a builder gives, by one rule the runtime applies.
 */
public final class ParameterTypes {

  private static final Set<String> TEXT_AND_BOXES =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double");

  private ParameterTypes() {}

  public static boolean isAllowed(TypeMirror type) {
    return type.getKind().isPrimitive()
        || enumOf(type).isPresent()
        || declared(type).filter(t -> TEXT_AND_BOXES.contains(t.getQualifiedName().toString()))
            .isPresent();
  }

  /** The enum {@code type} is, if it is one. */
  public static Optional<TypeElement> enumOf(TypeMirror type) {
    return declared(type).filter(element -> element.getKind() == ElementKind.ENUM);
  }

  private static Optional<TypeElement> declared(TypeMirror type) {
    return type instanceof DeclaredType declared
        ? Optional.of((TypeElement) declared.asElement())
        : Optional.empty();
  }
}
