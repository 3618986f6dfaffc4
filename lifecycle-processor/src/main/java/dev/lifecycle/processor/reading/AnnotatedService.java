package dev.lifecycle.processor.reading;

import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * A type annotated as a service, as its sources say. A type that is not a class is read no further:
 * its lists are empty.
 *
 * @param type the annotated type
 * @param annotation its {@code @Service}, {@code @FunctionService} or {@code @Server}
 * @param members its lifecycle members, own and inherited, top-down, as {@link ServiceHierarchy}
 *     gives them
 * @param interfaceMembers the annotated methods of the interfaces it implements, which carry no
 *     lifecycle members and are read only to be reported
 * @param entryPoints the methods callers reach by name, in the order to describe them: the
 *     {@code @Method}s of a {@code @Service}, the {@code apply} method of a {@code
 *     @FunctionService} (none when it has none), none for a {@code @Server}
 * @param parameters its {@code @Parameter} fields, own and inherited, superclass fields first,
 *     then declaration order
 */
public record AnnotatedService(
    TypeElement type,
    ServiceAnnotation annotation,
    List<LifecycleMember> members,
    List<LifecycleMember> interfaceMembers,
    List<ExecutableElement> entryPoints,
    List<ParameterField> parameters) {

  public AnnotatedService {
    parameters = List.copyOf(parameters);
    members = List.copyOf(members);
    interfaceMembers = List.copyOf(interfaceMembers);
    entryPoints = List.copyOf(entryPoints);
  }

  /** Whether the type is a class, the only kind a container can instantiate. */
  public boolean isClass() {
    return type.getKind() == ElementKind.CLASS;
  }

  public boolean isAbstract() {
    return type.getModifiers().contains(Modifier.ABSTRACT);
  }

  public boolean isServer() {
    return annotation.isServer();
  }

  public boolean isFunction() {
    return annotation.isFunction();
  }

  /** The constructors the type declares that take parameters. */
  public List<ExecutableElement> constructorsWithParameters() {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(constructor -> !constructor.getParameters().isEmpty())
        .toList();
  }
}
