package dev.lifecycle.processor.validation;

import dev.lifecycle.processor.model.HookKind;
import java.util.ArrayList;
import java.util.List;
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
 * @param web its web annotations ({@code @WebEndpoint}, {@code @WebApp}, {@code @WebServer}) in
 *     that order; more than one is an error
 */
public record LifecycleMember(
    ExecutableElement method,
    AnnotationMirror enter,
    AnnotationMirror exit,
    AnnotationMirror callable,
    List<AnnotationMirror> web) {

  static final String ENTER = "dev.lifecycle.Enter";
  static final String EXIT = "dev.lifecycle.Exit";
  static final String METHOD = "dev.lifecycle.Method";
  public static final String WEB_ENDPOINT = "dev.lifecycle.WebEndpoint";
  public static final String WEB_APP = "dev.lifecycle.WebApp";
  public static final String WEB_SERVER = "dev.lifecycle.WebServer";
  /** The web annotations, in the order members list them. */
  public static final List<String> WEB_ANNOTATIONS = List.of(WEB_ENDPOINT, WEB_APP, WEB_SERVER);

  public LifecycleMember {
    web = List.copyOf(web);
  }

  /** The member view of {@code method}, empty when it carries no Lifecycle annotation. */
  public static Optional<LifecycleMember> of(ExecutableElement method) {
    AnnotationMirror enter = find(method.getAnnotationMirrors(), ENTER);
    AnnotationMirror exit = find(method.getAnnotationMirrors(), EXIT);
    AnnotationMirror callable = find(method.getAnnotationMirrors(), METHOD);
    List<AnnotationMirror> web = new ArrayList<>();
    for (String name : WEB_ANNOTATIONS) {
      AnnotationMirror annotation = find(method.getAnnotationMirrors(), name);
      if (annotation != null) {
        web.add(annotation);
      }
    }
    if (enter == null && exit == null && callable == null && web.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LifecycleMember(method, enter, exit, callable, web));
  }

  /** Whether it carries a web annotation. */
  public boolean isWeb() {
    return !web.isEmpty();
  }

  /** The web annotation {@code qualifiedName}, or null. */
  public AnnotationMirror web(String qualifiedName) {
    return find(web, qualifiedName);
  }

  /** {@code @WebEndpoint}, {@code @WebApp} or {@code @WebServer}, for messages. */
  static String webLabel(AnnotationMirror annotation) {
    return "@" + annotation.getAnnotationType().asElement().getSimpleName();
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
    if (enter != null && exit == null && callable == null && web.isEmpty()) {
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
    web.forEach(annotation -> joined.add(webLabel(annotation)));
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
