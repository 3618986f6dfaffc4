package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The generated dispatcher must be able to call a member: not {@code private} (LC107), not {@code
 * static} (LC108), not {@code abstract} (LC109), without type parameters (LC110).
 */
final class CallableRules implements MemberRule {

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    ValidationReport.Builder onMember = report.about(subject.method());
    String label = subject.member().label();
    Set<Modifier> modifiers = subject.method().getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      onMember.report(Message.PRIVATE_MEMBER, label, subject.name());
    }
    if (modifiers.contains(Modifier.STATIC)) {
      onMember.report(Message.STATIC_MEMBER, label, subject.name());
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      onMember.report(Message.ABSTRACT_MEMBER, label, subject.name());
    }
    if (!subject.method().getTypeParameters().isEmpty()) {
      onMember.report(
          Message.GENERIC_MEMBER,
          label,
          subject.name(),
          Names.typeParameters(subject.method()));
    }
  }
}
