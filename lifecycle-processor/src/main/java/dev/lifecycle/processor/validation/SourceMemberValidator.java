package dev.lifecycle.processor.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates annotated methods where they are written, whether or not a service uses them yet, and
 * warns at the end of the compilation about those that can never run.
 */
public final class SourceMemberValidator {

  private final Types types;
  private final MemberValidator memberValidator;
  /** Concrete non-service classes with annotated methods, by name, with those methods. */
  private final Map<String, List<ExecutableElement>> candidatesForNeverRuns =
      new LinkedHashMap<>();
  private final List<TypeElement> services = new ArrayList<>();

  public SourceMemberValidator(Elements elements, Types types) {
    this.types = types;
    this.memberValidator = new MemberValidator(elements, types);
  }

  /** Validates one annotated method of this round and remembers it for {@link #finish}. */
  public ValidationReport validate(ExecutableElement method) {
    ValidationReport.Builder report = ValidationReport.builder();
    LifecycleMember.of(method)
        .ifPresent(
            member -> {
              memberValidator.validate(member, method, report);
              TypeElement owner = member.declaringType();
              if (owner.getKind() == ElementKind.CLASS
                  && !owner.getModifiers().contains(Modifier.ABSTRACT)
                  && ServiceAnnotation.of(owner).isEmpty()) {
                candidatesForNeverRuns
                    .computeIfAbsent(owner.getQualifiedName().toString(), name -> new ArrayList<>())
                    .add(method);
              }
            });
    return report.build();
  }

  /** Remembers a service, so that its superclasses' hooks count as reachable. */
  public void serviceSeen(TypeElement service) {
    services.add(service);
  }

  /**
   * Warns, once all rounds are over, about annotated methods in concrete classes that are neither
   * services nor superclasses of one.
   */
  public ValidationReport finish() {
    ValidationReport.Builder report = ValidationReport.builder();
    for (List<ExecutableElement> methods : candidatesForNeverRuns.values()) {
      TypeElement owner = (TypeElement) methods.get(0).getEnclosingElement();
      if (isExtendedByAService(owner)) {
        continue;
      }
      for (ExecutableElement method : methods) {
        report.report(
            Message.HOOK_NEVER_RUNS,
            method,
            LifecycleMember.of(method).orElseThrow().label(),
            Names.method(method),
            Names.type(owner));
      }
    }
    return report.build();
  }

  private boolean isExtendedByAService(TypeElement type) {
    return services.stream()
        .anyMatch(
            service ->
                types.isSubtype(types.erasure(service.asType()), types.erasure(type.asType())));
  }
}
