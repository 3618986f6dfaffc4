package dev.lifecycle.processor.validation;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates annotated methods where they are written, whether or not a service uses them yet, and
 * warns at the end of the compilation about those that can never run.
 *
 * <p>Types are remembered by name, not as elements: javac gives each round new elements, and an
 * element kept from an earlier round has lost its source position.
 */
public final class SourceMemberValidator {

  private final Elements elements;
  private final Types types;
  private final MemberValidator memberValidator;
  /** Concrete non-service classes that declare annotated methods. */
  private final Set<String> candidatesForNeverRuns = new LinkedHashSet<>();
  private final Set<String> services = new LinkedHashSet<>();

  public SourceMemberValidator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.memberValidator = new MemberValidator(elements, types);
  }

  /** Validates one annotated method of this round and remembers its class for {@link #finish}. */
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
                candidatesForNeverRuns.add(owner.getQualifiedName().toString());
              }
            });
    return report.build();
  }

  /** Remembers a service, so that its superclasses' hooks count as reachable. */
  public void serviceSeen(TypeElement service) {
    services.add(service.getQualifiedName().toString());
  }

  /**
   * Warns, once all rounds are over, about annotated methods in concrete classes that are neither
   * services nor superclasses of one.
   */
  public ValidationReport finish() {
    ValidationReport.Builder report = ValidationReport.builder();
    for (String name : candidatesForNeverRuns) {
      TypeElement owner = elements.getTypeElement(name);
      if (owner == null || isExtendedByAService(owner)) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        LifecycleMember.of(method)
            .ifPresent(
                member ->
                    report.report(
                        Message.HOOK_NEVER_RUNS,
                        method,
                        member.label(),
                        Names.method(method),
                        Names.type(owner)));
      }
    }
    return report.build();
  }

  private boolean isExtendedByAService(TypeElement type) {
    return services.stream()
        .map(elements::getTypeElement)
        .filter(service -> service != null)
        .anyMatch(
            service ->
                types.isSubtype(types.erasure(service.asType()), types.erasure(type.asType())));
  }
}
