package dev.lifecycle.processor.validation;

import dev.lifecycle.processor.model.HookKind;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A method with its Lifecycle annotations, read as mirrors so that methods of classes compiled
 * earlier (from a jar) read the same as methods in source.
 *
 * @param method the method
 * @param enter its {@code @Enter}, or null
 * @param exit its {@code @Exit}, or null
 * @param callable its {@code @Method}, or null
 */
public record LifecycleMember(
    ExecutableElement method, AnnotationMirror enter, AnnotationMirror exit, AnnotationMirror callable) {

  static final String ENTER = "dev.lifecycle.Enter";
  static final String EXIT = "dev.lifecycle.Exit";
  static final String METHOD = "dev.lifecycle.Method";

  /** The member view of {@code method}, empty when it carries no Lifecycle annotation. */
  public static Optional<LifecycleMember> of(ExecutableElement method) {
    AnnotationMirror enter = find(method.getAnnotationMirrors(), ENTER);
    AnnotationMirror exit = find(method.getAnnotationMirrors(), EXIT);
    AnnotationMirror callable = find(method.getAnnotationMirrors(), METHOD);
    if (enter == null && exit == null && callable == null) {
      return Optional.empty();
    }
    return Optional.of(new LifecycleMember(method, enter, exit, callable));
  }

  /** Whether this is a hook (enter or exit), as opposed to only a {@code @Method}. */
  public boolean isHook() {
    return enter != null || exit != null;
  }

  public boolean isCallable() {
    return callable != null;
  }

  /** The hook's phase; meaningful only for a hook with exactly one of {@code @Enter}, {@code @Exit}. */
  public HookKind hookKind() {
    if (exit != null) {
      return HookKind.EXIT;
    }
    return snapValue().map(value -> (Boolean) value.getValue()).orElse(false)
        ? HookKind.ENTER_BEFORE_SNAPSHOT
        : HookKind.ENTER_AFTER_SNAPSHOT;
  }

  /** The explicitly written {@code snap = ...} value of {@code @Enter}, for precise positions. */
  public Optional<AnnotationValue> snapValue() {
    if (enter == null) {
      return Optional.empty();
    }
    return enter.getElementValues().entrySet().stream()
        .filter(entry -> entry.getKey().getSimpleName().contentEquals("snap"))
        .<AnnotationValue>map(Map.Entry::getValue)
        .findFirst();
  }

  /** How the user wrote the annotations that make it a member: {@code @Enter(snap = true)}. */
  public String label() {
    if (enter != null && exit == null && callable == null) {
      return hookKind().annotation();
    }
    StringJoiner joined = new StringJoiner(" ");
    if (enter != null) {
      joined.add(snapValue().isPresent() ? hookKind().annotation() : "@Enter");
    }
    if (exit != null) {
      joined.add("@Exit");
    }
    if (callable != null) {
      joined.add("@Method");
    }
    return joined.toString();
  }

  /** The class or interface that declares the method. */
  public TypeElement declaringType() {
    return (TypeElement) method.getEnclosingElement();
  }

  private static AnnotationMirror find(
      Iterable<? extends AnnotationMirror> annotations, String qualifiedName) {
    for (AnnotationMirror annotation : annotations) {
      TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return annotation;
      }
    }
    return null;
  }

  static AnnotationMirror findAnnotation(
      Iterable<? extends AnnotationMirror> annotations, String qualifiedName) {
    return find(annotations, qualifiedName);
  }
}
