package dev.lifecycle.processor.reading;

import dev.lifecycle.processor.model.HookKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
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
    List<AnnotationMirror> web,
    AnnotationMirror batched) {

  public LifecycleMember {
    web = List.copyOf(web);
  }

  /** The member view of {@code method}, empty when it carries no Lifecycle annotation. */
  public static Optional<LifecycleMember> of(ExecutableElement method) {
    List<? extends AnnotationMirror> annotations = method.getAnnotationMirrors();
    AnnotationMirror enter = LifecycleAnnotations.find(annotations, LifecycleAnnotations.ENTER);
    AnnotationMirror exit = LifecycleAnnotations.find(annotations, LifecycleAnnotations.EXIT);
    AnnotationMirror callable = LifecycleAnnotations.find(annotations, LifecycleAnnotations.METHOD);
    List<AnnotationMirror> web = new ArrayList<>();
    for (String name : LifecycleAnnotations.WEB) {
      AnnotationMirror annotation = LifecycleAnnotations.find(annotations, name);
      if (annotation != null) {
        web.add(annotation);
      }
    }
    AnnotationMirror batched = LifecycleAnnotations.find(annotations, LifecycleAnnotations.BATCHED);
    if (enter == null && exit == null && callable == null && web.isEmpty() && batched == null) {
      return Optional.empty();
    }
    return Optional.of(new LifecycleMember(method, enter, exit, callable, web, batched));
  }

  /** Whether it carries a web annotation. */
  public boolean isWeb() {
    return !web.isEmpty();
  }

  /** The web annotation {@code qualifiedName}, or null. */
  public AnnotationMirror web(String qualifiedName) {
    return LifecycleAnnotations.find(web, qualifiedName);
  }

  /**
   * Whether it is a web method of one form and of no other kind: the signature rules of its form
   * apply. Any other web member is a combination to split first.
   */
  public boolean isWebMethodOnly() {
    return web.size() == 1 && !isHook() && !isCallable();
  }

  /** Its web annotation {@code qualifiedName}, when it is a web method of that form only. */
  public Optional<AnnotationMirror> webMethodOnly(String qualifiedName) {
    return isWebMethodOnly() ? Optional.ofNullable(web(qualifiedName)) : Optional.empty();
  }

  /** {@code @WebEndpoint}, {@code @WebApp} or {@code @WebServer}, for messages. */
  public static String webLabel(AnnotationMirror annotation) {
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
    return enter == null ? Optional.empty() : AnnotationValues.explicit(enter, "snap");
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
    return joined.length() == 0 ? "@Batched" : joined.toString(); // @Batched alone: LC175
  }

  /** The class or interface that declares the method. */
  public TypeElement declaringType() {
    return (TypeElement) method.getEnclosingElement();
  }

  /** Whether an interface declares it: lifecycle annotations are read from classes only. */
  public boolean isDeclaredInInterface() {
    return declaringType().getKind() == ElementKind.INTERFACE;
  }
}
