package dev.lifecycle.processor.reading;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A field annotated {@code @Parameter}, read as a mirror so that fields of classes compiled earlier
 * read the same as fields in source.
 *
 * @param field the field
 * @param annotation its {@code @Parameter}
 */
public record ParameterField(VariableElement field, AnnotationMirror annotation) {

  /** The parameter view of {@code field}, empty when it is not a field annotated {@code @Parameter}. */
  public static Optional<ParameterField> of(VariableElement field) {
    if (field.getKind() != ElementKind.FIELD) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            LifecycleAnnotations.find(field.getAnnotationMirrors(), LifecycleAnnotations.PARAMETER))
        .map(annotation -> new ParameterField(field, annotation));
  }

  /** The parameter's name: the field's. */
  public String name() {
    return field.getSimpleName().toString();
  }

  /** {@code @Parameter(required)}, {@code false} when not written. */
  public boolean required() {
    return AnnotationValues.explicit(annotation, "required")
        .map(value -> Boolean.TRUE.equals(value.getValue()))
        .orElse(false);
  }

  /** The class that declares the field. */
  public TypeElement declaringType() {
    return (TypeElement) field.getEnclosingElement();
  }
}
