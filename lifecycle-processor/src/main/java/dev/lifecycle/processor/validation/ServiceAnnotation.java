package dev.lifecycle.processor.validation;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The annotation that makes a class a service: {@code @Service}, or {@code @FunctionService} for a
 * class used as a function. Both carry the same options.
 *
 * @param mirror the annotation as written on the class
 * @param isFunction whether it is {@code @FunctionService}
 */
public record ServiceAnnotation(AnnotationMirror mirror, boolean isFunction) {

  public static final String SERVICE = "dev.lifecycle.Service";
  public static final String FUNCTION_SERVICE = "dev.lifecycle.FunctionService";

  /** The class's service annotation; {@code @Service} wins when both are present (an error). */
  public static Optional<ServiceAnnotation> of(TypeElement type) {
    AnnotationMirror service = LifecycleMember.findAnnotation(type.getAnnotationMirrors(), SERVICE);
    if (service != null) {
      return Optional.of(new ServiceAnnotation(service, false));
    }
    AnnotationMirror function =
        LifecycleMember.findAnnotation(type.getAnnotationMirrors(), FUNCTION_SERVICE);
    return Optional.ofNullable(function).map(mirror -> new ServiceAnnotation(mirror, true));
  }

  /** Whether the class carries both annotations. */
  static boolean hasBoth(TypeElement type) {
    return LifecycleMember.findAnnotation(type.getAnnotationMirrors(), SERVICE) != null
        && LifecycleMember.findAnnotation(type.getAnnotationMirrors(), FUNCTION_SERVICE) != null;
  }

  /** {@code @Service} or {@code @FunctionService}, for messages. */
  public String label() {
    return isFunction ? "@FunctionService" : "@Service";
  }

  /** Whether {@code enableMemorySnapshot = true} is written. */
  public boolean memorySnapshotEnabled() {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("enableMemorySnapshot")) {
        return Boolean.TRUE.equals(entry.getValue().getValue());
      }
    }
    return false;
  }
}
