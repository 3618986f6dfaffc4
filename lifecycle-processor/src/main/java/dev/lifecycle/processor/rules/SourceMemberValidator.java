package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.LifecycleMember;
import dev.lifecycle.processor.reading.ParameterField;
import dev.lifecycle.processor.reading.ServiceAnnotation;
import dev.lifecycle.processor.reading.SourceOracle;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates annotated methods where they are written, whether or not a service uses them yet, and
 * {@code @Parameter} fields likewise, and warns at the end of the compilation about those that can
 * never run (LC140) or never be set (LC186).
 *
 * <p>Types are remembered by name, not as elements: javac gives each round new elements, and an
 * element kept from an earlier round has lost its source position.
 */
public final class SourceMemberValidator {

  private final Elements elements;
  private final Types types;
  private final Rules rules;
  private final SourceOracle sources;
  /** Concrete non-service classes that declare annotated methods. */
  private final Set<String> candidatesForNeverRuns = new LinkedHashSet<>();
  private final Set<String> services = new LinkedHashSet<>();

  public SourceMemberValidator(Elements elements, Types types, Rules rules, SourceOracle sources) {
    this.elements = elements;
    this.types = types;
    this.rules = rules;
    this.sources = sources;
  }

  /** Validates one annotated method of this round and remembers its class for {@link #finish}. */
  public ValidationReport validate(ExecutableElement method) {
    ValidationReport.Builder report = ValidationReport.about(method, sources);
    LifecycleMember.of(method)
        .ifPresent(
            member -> {
              rules.checkMember(new MemberUnderValidation(member, Optional.empty()), report);
              rememberIfNeverUsed(member.declaringType());
            });
    return report.build();
  }

  /**
   * Validates one {@code @Parameter} field of this round and remembers its class for {@link
   * #finish}.
   */
  public ValidationReport validate(VariableElement field) {
    ValidationReport.Builder report = ValidationReport.about(field, sources);
    ParameterField.of(field)
        .ifPresent(
            parameter -> {
              rules.checkParameter(parameter, report);
              rememberIfNeverUsed(parameter.declaringType());
            });
    return report.build();
  }

  private void rememberIfNeverUsed(TypeElement owner) {
    if (owner.getKind() == ElementKind.CLASS
        && !owner.getModifiers().contains(Modifier.ABSTRACT)
        && ServiceAnnotation.of(owner).isEmpty()) {
      candidatesForNeverRuns.add(owner.getQualifiedName().toString());
    }
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
    ValidationReport.Builder report = ValidationReport.aboutCompilation(sources);
    for (String name : candidatesForNeverRuns) {
      TypeElement owner = elements.getTypeElement(name);
      if (owner == null || isExtendedByAService(owner)) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        LifecycleMember.of(method)
            .ifPresent(
                member ->
                    report
                        .about(method)
                        .report(
                            Message.HOOK_NEVER_RUNS,
                            member.label(),
                            Names.method(method),
                            Names.type(owner)));
      }
      for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
        ParameterField.of(field)
            .ifPresent(
                parameter ->
                    report
                        .about(field)
                        .report(Message.PARAMETER_NEVER_SET, Names.field(field), Names.type(owner)));
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
