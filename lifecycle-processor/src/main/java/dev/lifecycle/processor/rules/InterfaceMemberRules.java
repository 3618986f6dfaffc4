package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;

/** Lifecycle annotations are read from classes only, never from interfaces (LC112). */
final class InterfaceMemberRules implements MemberRule {

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    report
        .about(subject.method())
        .report(
            Message.MEMBER_OF_INTERFACE,
            subject.member().label(),
            subject.name(),
            Names.type(subject.member().declaringType()));
  }
}
