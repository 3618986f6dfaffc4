package dev.lifecycle.processor.reading;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a service with everything it inherits. A service whose types are not all resolved yet (a
 * superclass or a member type that another processor generates) is not read: it is deferred.
 */
public final class ServiceReader {

  private final Elements elements;
  private final ServiceHierarchy hierarchy;

  public ServiceReader(Elements elements) {
    this.elements = elements;
    this.hierarchy = new ServiceHierarchy(elements);
  }

  /** The service read, or empty when a type it needs is not resolved yet: try in the next round. */
  public Optional<AnnotatedService> read(TypeElement type) {
    ServiceAnnotation annotation = ServiceAnnotation.of(type).orElseThrow();
    if (type.getKind() != ElementKind.CLASS) {
      return Optional.of(
          new AnnotatedService(type, annotation, List.of(), List.of(), List.of(), List.of()));
    }
    Optional<List<TypeElement>> classes = hierarchy.classesTopDown(type);
    if (classes.isEmpty()) {
      return Optional.empty();
    }
    List<LifecycleMember> members = hierarchy.members(classes.get());
    List<ParameterField> parameters = parameters(classes.get());
    if (members.stream().anyMatch(ServiceReader::hasUnresolvedTypes)
        || parameters.stream().anyMatch(parameter -> isError(parameter.field().asType()))) {
      return Optional.empty();
    }
    return Optional.of(
        new AnnotatedService(
            type,
            annotation,
            members,
            hierarchy.interfaceMembers(classes.get()),
            entryPoints(type, annotation, members),
            parameters));
  }

  /** The {@code @Parameter} fields of the classes, top-down, each class's in declaration order. */
  private static List<ParameterField> parameters(List<TypeElement> classesTopDown) {
    return classesTopDown.stream()
        .flatMap(type -> ElementFilter.fieldsIn(type.getEnclosedElements()).stream())
        .flatMap(field -> ParameterField.of(field).stream())
        .toList();
  }

  private List<ExecutableElement> entryPoints(
      TypeElement type, ServiceAnnotation annotation, List<LifecycleMember> members) {
    if (annotation.isServer()) {
      return List.of();
    }
    if (annotation.isFunction()) {
      return functionApply(type).stream().toList();
    }
    return members.stream()
        .filter(LifecycleMember::isCallable)
        .map(LifecycleMember::method)
        .toList();
  }

  /** The implementation of {@code Function.apply} a function service has, if it has one. */
  private Optional<ExecutableElement> functionApply(TypeElement type) {
    TypeElement function = elements.getTypeElement(Function.class.getCanonicalName());
    ExecutableElement functionApply =
        ElementFilter.methodsIn(function.getEnclosedElements()).stream()
            .filter(method -> method.getSimpleName().contentEquals("apply"))
            .findFirst()
            .orElseThrow();
    return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
        .filter(method -> method.getSimpleName().contentEquals("apply"))
        .filter(method -> !method.getModifiers().contains(Modifier.ABSTRACT))
        .filter(method -> elements.overrides(method, functionApply, type))
        .findFirst();
  }

  private static boolean hasUnresolvedTypes(LifecycleMember member) {
    ExecutableElement method = member.method();
    return isError(method.getReturnType())
        || method.getParameters().stream().anyMatch(parameter -> isError(parameter.asType()));
  }

  private static boolean isError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }
}
