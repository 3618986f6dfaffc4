package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A member inherited from another package is public (LC111): the dispatcher, in the service's
 * package, cannot reach it otherwise. A private one is LC107's to report.
 */
final class InheritedAccessRules implements MemberRule {

  private final Elements elements;

  InheritedAccessRules(Elements elements) {
    this.elements = elements;
  }

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    subject.service().ifPresent(service -> check(subject, service, report));
  }

  private void check(
      MemberUnderValidation subject, AnnotatedService service, ValidationReport.Builder report) {
    Set<Modifier> modifiers = subject.method().getModifiers();
    TypeElement declaringType = subject.member().declaringType();
    if (modifiers.contains(Modifier.PUBLIC)
        || modifiers.contains(Modifier.PRIVATE)
        || elements.getPackageOf(declaringType).equals(elements.getPackageOf(service.type()))) {
      return;
    }
    report
        .about(subject.method())
        .report(
            Message.INACCESSIBLE_MEMBER,
            subject.member().label(),
            subject.name(),
            Names.type(declaringType),
            Names.type(service.type()));
  }
}
