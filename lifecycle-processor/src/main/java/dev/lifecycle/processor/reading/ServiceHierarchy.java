package dev.lifecycle.processor.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The Lifecycle members a service has, its own and inherited, after overriding.
 *
 * <p>Classes are read from the top-most superclass down to the service, members of one class in
 * declaration order. A member that overrides an annotated superclass method and carries Lifecycle
 * annotations itself replaces it and takes its place in the subclass. An override without
 * annotations changes nothing: the superclass annotation still applies, and since the dispatcher
 * calls the method virtually, the override runs, once, in the superclass's slot.
 */
final class ServiceHierarchy {

  private final Elements elements;

  ServiceHierarchy(Elements elements) {
    this.elements = elements;
  }

  /**
   * The service's classes from the top-most superclass below {@code Object} down to the service
   * itself, or empty when a superclass is not resolved yet (it may be generated in a later round).
   */
  Optional<List<TypeElement>> classesTopDown(TypeElement service) {
    List<TypeElement> classes = new ArrayList<>();
    for (TypeElement type = service; type != null; ) {
      if (type.getQualifiedName().contentEquals(Object.class.getCanonicalName())) {
        break;
      }
      classes.add(0, type);
      TypeMirror superclass = type.getSuperclass();
      if (superclass.getKind() == TypeKind.ERROR) {
        return Optional.empty();
      }
      type = superclass.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) superclass).asElement()
          : null;
    }
    return Optional.of(classes);
  }

  /** The effective members of a service whose classes, top-down, are {@code classesTopDown}. */
  List<LifecycleMember> members(List<TypeElement> classesTopDown) {
    List<LifecycleMember> members = new ArrayList<>();
    for (TypeElement type : classesTopDown) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        Optional<LifecycleMember> member = LifecycleMember.of(method);
        if (member.isEmpty()) {
          continue;
        }
        members.removeIf(inherited -> elements.overrides(method, inherited.method(), type));
        members.add(member.get());
      }
    }
    return members;
  }

  /**
   * Annotated methods of every interface the classes implement, directly or not. Lifecycle
   * annotations are not read from interfaces; these are found only to be reported.
   */
  List<LifecycleMember> interfaceMembers(List<TypeElement> classesTopDown) {
    Set<TypeElement> interfaces = new LinkedHashSet<>();
    List<TypeMirror> pending = new ArrayList<>();
    classesTopDown.forEach(type -> pending.addAll(type.getInterfaces()));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.remove(0);
      if (next.getKind() == TypeKind.DECLARED
          && interfaces.add((TypeElement) ((DeclaredType) next).asElement())) {
        pending.addAll(((TypeElement) ((DeclaredType) next).asElement()).getInterfaces());
      }
    }
    List<LifecycleMember> members = new ArrayList<>();
    for (TypeElement type : interfaces) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        LifecycleMember.of(method).ifPresent(members::add);
      }
    }
    return members;
  }
}
