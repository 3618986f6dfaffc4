package dev.lifecycle.processor.validation;

import dev.lifecycle.processor.model.HookKind;
import dev.lifecycle.processor.model.OptionsModel;
import dev.lifecycle.processor.model.ServiceModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Validates one {@code @Service}, {@code @FunctionService} or {@code @Server} class with everything
 * it inherits, and builds its model when it is clean.
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
      Map.of(
          "maxConcurrentInputs", 1,
          "inputTimeoutSeconds", 1,
          "exitGracePeriodSeconds", 0,
          "startupTimeoutSeconds", 1);
  /** What a {@code @Server}'s dispatcher declares for the options servers do not have. */
  private static final int SERVER_MAX_CONCURRENT_INPUTS = 1;
  private static final int SERVER_INPUT_TIMEOUT_SECONDS = 300;

  private final Elements elements;
  private final SourceOracle sources;
  private final ServiceHierarchy hierarchy;
  private final MemberValidator memberValidator;
  private final WebMethodsValidator webMethodsValidator;
  private final ServiceModelFactory modelFactory;

  public ServiceValidator(Elements elements, Types types, SourceOracle sources) {
    this.elements = elements;
    this.sources = sources;
    this.hierarchy = new ServiceHierarchy(elements);
    this.memberValidator = new MemberValidator(elements, types);
    this.webMethodsValidator = new WebMethodsValidator(elements, sources);
    this.modelFactory = new ServiceModelFactory(elements, types);
  }

  public Outcome validate(TypeElement service) {
    ServiceAnnotation annotation = ServiceAnnotation.of(service).orElseThrow();
    ValidationReport.Builder report = ValidationReport.builder();
    if (ServiceAnnotation.hasBoth(service)) {
      report.report(Message.BOTH_SERVICE_ANNOTATIONS, service, Names.type(service));
    }
    if (!annotation.isServer() && ServiceAnnotation.hasServer(service)) {
      report.report(
          Message.SERVER_COMBINED_WITH_SERVICE,
          service,
          Names.type(service),
          annotation.label(),
          annotation.label());
    }
    if (service.getKind() != ElementKind.CLASS) {
      report.report(
          Message.SERVICE_NOT_A_CLASS,
          service,
          annotation.label(),
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

    boolean constructorsReported =
        annotation.isServer() && validateServerConstructors(service, report);
    validateClass(service, annotation, constructorsReported, report);
    OptionsModel options = options(service, annotation, report);
    for (LifecycleMember member : members) {
      Element target = positionOf(member.method(), service);
      memberValidator.validate(member, target, report);
      validateAccess(member, service, target, report);
      validateSnap(member, service, annotation, report);
    }
    for (LifecycleMember member : hierarchy.interfaceMembers(classes.get())) {
      memberValidator.validate(member, positionOf(member.method(), service), report);
    }
    List<ExecutableElement> entryPoints;
    if (annotation.isServer()) {
      entryPoints = List.of();
      validateServerMembers(service, annotation, members, report);
    } else if (annotation.isFunction()) {
      entryPoints = functionEntryPoint(service, members, report);
      webMethodsValidator.validate(members, service, report);
    } else {
      validateUniqueNames(members, service, report);
      webMethodsValidator.validate(members, service, report);
      entryPoints =
          members.stream().filter(LifecycleMember::isCallable).map(LifecycleMember::method).toList();
    }

    ValidationReport built = report.build();
    return new Validated(
        built,
        built.isClean()
            ? Optional.of(
                modelFactory.create(service, annotation, options, members, entryPoints))
            : Optional.empty());
  }

  /**
   * The {@code apply} method of a function service, its only entry point; reports a class that
   * does not implement {@code Function} and {@code @Method}s that would be ignored.
   */
  private List<ExecutableElement> functionEntryPoint(
      TypeElement service, List<LifecycleMember> members, ValidationReport.Builder report) {
    for (LifecycleMember member : members) {
      if (member.isCallable()) {
        report.report(
            Message.METHOD_IN_FUNCTION_SERVICE,
            positionOf(member.method(), service),
            Names.method(member.method()),
            Names.type(service));
      }
    }
    TypeElement function = elements.getTypeElement("java.util.function.Function");
    ExecutableElement functionApply =
        ElementFilter.methodsIn(function.getEnclosedElements()).stream()
            .filter(method -> method.getSimpleName().contentEquals("apply"))
            .findFirst()
            .orElseThrow();
    Optional<ExecutableElement> apply =
        ElementFilter.methodsIn(elements.getAllMembers(service)).stream()
            .filter(method -> method.getSimpleName().contentEquals("apply"))
            .filter(method -> !method.getModifiers().contains(Modifier.ABSTRACT))
            .filter(method -> elements.overrides(method, functionApply, service))
            .findFirst();
    if (apply.isEmpty()) {
      if (!service.getModifiers().contains(Modifier.ABSTRACT)) {
        report.report(Message.FUNCTION_WITHOUT_APPLY, service, Names.type(service));
      }
      return List.of();
    }
    return List.of(apply.get());
  }

  /**
   * A {@code @Server} has an {@code @Enter} hook (LC150), no {@code @Method}s (LC151) and no web
   * methods (LC158).
   */
  private void validateServerMembers(
      TypeElement service,
      ServiceAnnotation annotation,
      List<LifecycleMember> members,
      ValidationReport.Builder report) {
    if (members.stream().noneMatch(member -> member.enter() != null)) {
      if (AnnotationValues.withDefaults(elements, annotation.mirror()).get("port")
          instanceof Integer number) {
        report.report(Message.SERVER_WITHOUT_ENTER, service, Names.type(service), number);
      }
    }
    for (LifecycleMember member : members) {
      Element target = positionOf(member.method(), service);
      if (member.isCallable()) {
        report.report(
            Message.METHOD_IN_SERVER, target, Names.method(member.method()), Names.type(service));
      }
      for (AnnotationMirror web : member.web()) {
        String label = LifecycleMember.webLabel(web);
        report.report(
            Message.WEB_IN_SERVER,
            target,
            Names.method(member.method()),
            label,
            Names.type(service),
            label);
      }
    }
  }

  /**
   * A {@code @Server} has no constructor with parameters (LC152), each reported on itself; returns
   * whether one was, so that LC125 does not report the same fault again.
   */
  private boolean validateServerConstructors(TypeElement service, ValidationReport.Builder report) {
    boolean reported = false;
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(service.getEnclosedElements())) {
      if (!constructor.getParameters().isEmpty()) {
        report.report(
            Message.SERVER_CONSTRUCTOR_WITH_PARAMETERS,
            constructor,
            Names.type(service),
            Names.method(constructor).replace(".<init>(", "("));
        reported = true;
      }
    }
    return reported;
  }

  private void validateClass(
      TypeElement service,
      ServiceAnnotation annotation,
      boolean constructorsReported,
      ValidationReport.Builder report) {
    String label = annotation.label();
    String name = Names.type(service);
    if (service.getModifiers().contains(Modifier.ABSTRACT)) {
      report.report(Message.SERVICE_ABSTRACT, service, label, name);
    }
    if (service.getNestingKind() == NestingKind.LOCAL
        || service.getNestingKind() == NestingKind.ANONYMOUS) {
      report.report(Message.SERVICE_LOCAL_CLASS, service, label, name);
    } else if (service.getNestingKind() == NestingKind.MEMBER
        && !service.getModifiers().contains(Modifier.STATIC)) {
      report.report(Message.SERVICE_INNER_CLASS, service, label, name);
    }
    Optional<TypeElement> privateType = privateTypeAround(service);
    privateType.ifPresent(
        type ->
            report.report(
                Message.SERVICE_PRIVATE,
                service,
                label,
                name,
                type == service ? "private" : "nested in private class " + Names.type(type),
                type == service ? "it" : Names.type(type)));
    if (!service.getTypeParameters().isEmpty()) {
      report.report(
          Message.SERVICE_GENERIC,
          service,
          label,
          name,
          Names.typeParameters(service));
    }
    boolean hasNoArgConstructor =
        ElementFilter.constructorsIn(service.getEnclosedElements()).stream()
            .anyMatch(
                constructor ->
                    constructor.getParameters().isEmpty()
                        && !constructor.getModifiers().contains(Modifier.PRIVATE));
    // A private class's implicit constructor is private too; LC124 already says what to fix.
    if (!hasNoArgConstructor && privateType.isEmpty() && !constructorsReported) {
      report.report(Message.SERVICE_WITHOUT_NO_ARG_CONSTRUCTOR, service, label, name);
    }
  }

  /** The options of {@code @Service}, defaults filled in; values out of range are reported. */
  private OptionsModel options(
      TypeElement service, ServiceAnnotation serviceAnnotation, ValidationReport.Builder report) {
    AnnotationMirror annotation = serviceAnnotation.mirror();
    Map<String, Integer> values = new HashMap<>();
    elements
        .getElementValuesWithDefaults(annotation)
        .forEach(
            (attribute, value) -> {
              if (value.getValue() instanceof Integer number) {
                String name = attribute.getSimpleName().toString();
                values.put(name, number);
                if (name.equals("port")) {
                  if (number < 1 || number > 65535) {
                    report.report(
                        Message.PORT_OUT_OF_RANGE,
                        service,
                        annotation,
                        value,
                        serviceAnnotation.label(),
                        number,
                        Names.type(service));
                  }
                  return;
                }
                int minimum = OPTION_MINIMUMS.getOrDefault(name, Integer.MIN_VALUE);
                if (number < minimum) {
                  report.report(
                      Message.OPTION_OUT_OF_RANGE,
                      service,
                      annotation,
                      value,
                      serviceAnnotation.label(),
                      name,
                      number,
                      Names.type(service),
                      minimum);
                }
              }
            });
    if (serviceAnnotation.isServer()) {
      return new OptionsModel(
          SERVER_MAX_CONCURRENT_INPUTS,
          SERVER_INPUT_TIMEOUT_SECONDS,
          values.getOrDefault("exitGracePeriodSeconds", 30));
    }
    return new OptionsModel(
        values.get("maxConcurrentInputs"),
        values.get("inputTimeoutSeconds"),
        values.get("exitGracePeriodSeconds"));
  }

  /** The class itself or the class around it that is private, out of the dispatcher's reach. */
  private static Optional<TypeElement> privateTypeAround(TypeElement service) {
    for (Element type = service;
        type instanceof TypeElement typeElement;
        type = type.getEnclosingElement()) {
      if (typeElement.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(typeElement);
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
      LifecycleMember member,
      TypeElement service,
      ServiceAnnotation annotation,
      ValidationReport.Builder report) {
    if (member.enter() == null
        || member.hookKind() != HookKind.ENTER_BEFORE_SNAPSHOT
        || annotation.memorySnapshotEnabled()) {
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
          annotation.noun(),
          Names.type(service),
          annotation.isServer() ? "@Server" : "@Service");
    } else {
      report.report(
          Message.SNAP_WITHOUT_MEMORY_SNAPSHOT,
          service,
          annotation.mirror(),
          null,
          method,
          annotation.noun(),
          Names.type(service),
          annotation.isServer() ? "@Server" : "@Service");
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
