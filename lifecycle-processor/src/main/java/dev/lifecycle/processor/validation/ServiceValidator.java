package dev.lifecycle.processor.validation;

import dev.lifecycle.processor.model.HookKind;
import dev.lifecycle.processor.model.OptionsModel;
import dev.lifecycle.processor.model.ServiceModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @Service} class with everything it inherits, and builds its model when it
 * is clean.
 */
public final class ServiceValidator {

  /** What validating a service gave. */
  public sealed interface Outcome {}

  /** Validated: the report (possibly with warnings or errors) and the model when clean. */
  public record Validated(ValidationReport report, Optional<ServiceModel> model)
      implements Outcome {}

  /** A type the service needs is not resolved yet; try again in the next round. */
  public record Deferred() implements Outcome {}

  private static final Map<String, Integer> OPTION_MINIMUMS =
      Map.of("maxConcurrentInputs", 1, "inputTimeoutSeconds", 1, "exitGracePeriodSeconds", 0);

  private final Elements elements;
  private final SourceOracle sources;
  private final ServiceHierarchy hierarchy;
  private final MemberValidator memberValidator;
  private final ServiceModelFactory modelFactory;

  public ServiceValidator(Elements elements, Types types, SourceOracle sources) {
    this.elements = elements;
    this.sources = sources;
    this.hierarchy = new ServiceHierarchy(elements);
    this.memberValidator = new MemberValidator(elements, types);
    this.modelFactory = new ServiceModelFactory(types);
  }

  public Outcome validate(TypeElement service) {
    ValidationReport.Builder report = ValidationReport.builder();
    if (service.getKind() != ElementKind.CLASS) {
      report.report(
          Message.SERVICE_NOT_A_CLASS,
          service,
          Names.type(service),
          describeKind(service.getKind()));
      return new Validated(report.build(), Optional.empty());
    }
    Optional<List<TypeElement>> classes = hierarchy.classesTopDown(service);
    if (classes.isEmpty()) {
      return new Deferred();
    }
    List<LifecycleMember> members = hierarchy.members(classes.get());
    if (members.stream().anyMatch(this::hasUnresolvedTypes)) {
      return new Deferred();
    }

    validateClass(service, report);
    OptionsModel options = options(service, report);
    for (LifecycleMember member : members) {
      Element target = positionOf(member.method(), service);
      memberValidator.validate(member, target, report);
      validateAccess(member, service, target, report);
      validateSnap(member, service, report);
    }
    validateUniqueNames(members, service, report);

    ValidationReport built = report.build();
    return new Validated(
        built,
        built.isClean() ? Optional.of(modelFactory.create(service, options, members)) : Optional.empty());
  }

  private void validateClass(TypeElement service, ValidationReport.Builder report) {
    String name = Names.type(service);
    if (service.getModifiers().contains(Modifier.ABSTRACT)) {
      report.report(Message.SERVICE_ABSTRACT, service, name);
    }
    if (service.getNestingKind() == NestingKind.LOCAL
        || service.getNestingKind() == NestingKind.ANONYMOUS) {
      report.report(Message.SERVICE_LOCAL_CLASS, service, name);
    } else if (service.getNestingKind() == NestingKind.MEMBER
        && !service.getModifiers().contains(Modifier.STATIC)) {
      report.report(Message.SERVICE_INNER_CLASS, service, name);
    }
    privacy(service).ifPresent(why -> report.report(Message.SERVICE_PRIVATE, service, name, why));
    if (!service.getTypeParameters().isEmpty()) {
      report.report(
          Message.SERVICE_GENERIC,
          service,
          name,
          service.getTypeParameters().stream()
              .map(Element::getSimpleName)
              .collect(Collectors.joining(", ", "<", ">")));
    }
    boolean hasNoArgConstructor =
        ElementFilter.constructorsIn(service.getEnclosedElements()).stream()
            .anyMatch(
                constructor ->
                    constructor.getParameters().isEmpty()
                        && !constructor.getModifiers().contains(Modifier.PRIVATE));
    if (!hasNoArgConstructor) {
      report.report(Message.SERVICE_WITHOUT_NO_ARG_CONSTRUCTOR, service, name);
    }
  }

  /** The options of {@code @Service}, defaults filled in; values out of range are reported. */
  private OptionsModel options(TypeElement service, ValidationReport.Builder report) {
    AnnotationMirror annotation = serviceAnnotation(service);
    Map<String, Integer> values = new HashMap<>();
    elements
        .getElementValuesWithDefaults(annotation)
        .forEach(
            (attribute, value) -> {
              if (value.getValue() instanceof Integer number) {
                String name = attribute.getSimpleName().toString();
                values.put(name, number);
                int minimum = OPTION_MINIMUMS.getOrDefault(name, Integer.MIN_VALUE);
                if (number < minimum) {
                  report.report(
                      Message.OPTION_OUT_OF_RANGE,
                      service,
                      annotation,
                      value,
                      name,
                      number,
                      Names.type(service),
                      minimum);
                }
              }
            });
    return new OptionsModel(
        values.get("maxConcurrentInputs"),
        values.get("inputTimeoutSeconds"),
        values.get("exitGracePeriodSeconds"));
  }

  /** Why the dispatcher could not reach the class: it or a class around it is private. */
  private static Optional<String> privacy(TypeElement service) {
    if (service.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of("private");
    }
    for (Element outer = service.getEnclosingElement();
        outer instanceof TypeElement type;
        outer = outer.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of("nested in private class " + Names.type(type));
      }
    }
    return Optional.empty();
  }

  /** A non-public member inherited from another package is out of the dispatcher's reach. */
  private void validateAccess(
      LifecycleMember member, TypeElement service, Element target, ValidationReport.Builder report) {
    ExecutableElement method = member.method();
    TypeElement declaringType = member.declaringType();
    if (method.getModifiers().contains(Modifier.PUBLIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        || elements.getPackageOf(declaringType).equals(elements.getPackageOf(service))) {
      return;
    }
    report.report(
        Message.INACCESSIBLE_MEMBER,
        target,
        member.label(),
        Names.method(method),
        Names.type(declaringType),
        Names.type(service));
  }

  private void validateSnap(
      LifecycleMember member, TypeElement service, ValidationReport.Builder report) {
    if (member.enter() == null
        || member.hookKind() != HookKind.ENTER_BEFORE_SNAPSHOT
        || memorySnapshotEnabled(service)) {
      return;
    }
    String method = Names.method(member.method());
    if (sources.isInSource(member.method())) {
      report.report(
          Message.SNAP_WITHOUT_MEMORY_SNAPSHOT,
          member.method(),
          member.enter(),
          member.snapValue().orElseThrow(),
          method,
          Names.type(service));
    } else {
      report.report(
          Message.SNAP_WITHOUT_MEMORY_SNAPSHOT,
          service,
          serviceAnnotation(service),
          null,
          method,
          Names.type(service));
    }
  }

  private void validateUniqueNames(
      List<LifecycleMember> members, TypeElement service, ValidationReport.Builder report) {
    Map<String, LifecycleMember> byName = new HashMap<>();
    for (LifecycleMember member : members) {
      if (!member.isCallable()) {
        continue;
      }
      String name = member.method().getSimpleName().toString();
      LifecycleMember first = byName.putIfAbsent(name, member);
      if (first != null) {
        report.report(
            Message.DUPLICATE_METHOD_NAME,
            positionOf(member.method(), service),
            name,
            Names.type(service),
            Names.method(first.method()),
            Names.method(member.method()));
      }
    }
  }

  static boolean memorySnapshotEnabled(TypeElement service) {
    AnnotationMirror annotation = serviceAnnotation(service);
    return annotation != null
        && annotation.getElementValues().entrySet().stream()
            .anyMatch(
                entry ->
                    entry.getKey().getSimpleName().contentEquals("enableMemorySnapshot")
                        && Boolean.TRUE.equals(entry.getValue().getValue()));
  }

  private static AnnotationMirror serviceAnnotation(TypeElement service) {
    return LifecycleMember.findAnnotation(service.getAnnotationMirrors(), LifecycleMember.SERVICE);
  }

  /** The member itself when it is in source, else the service that inherits it. */
  private Element positionOf(ExecutableElement method, TypeElement service) {
    return sources.isInSource(method) ? method : service;
  }

  private boolean hasUnresolvedTypes(LifecycleMember member) {
    ExecutableElement method = member.method();
    return isError(method.getReturnType())
        || method.getParameters().stream().anyMatch(parameter -> isError(parameter.asType()));
  }

  private static boolean isError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }

  private static String describeKind(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation interface";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
