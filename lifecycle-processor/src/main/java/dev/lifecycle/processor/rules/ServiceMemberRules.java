package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.Optional;

/**
 * Every member of a service, own or inherited, obeys the member rules, as do the annotated methods
 * of the interfaces it implements; so a member compiled earlier, never checked where it is
 * written, is checked too.
 */
final class ServiceMemberRules implements ServiceRule {

  private final MemberRule memberRules;

  ServiceMemberRules(MemberRule memberRules) {
    this.memberRules = memberRules;
  }

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    for (LifecycleMember member : service.members()) {
      memberRules.check(new MemberUnderValidation(member, Optional.of(service)), report);
    }
    for (LifecycleMember member : service.interfaceMembers()) {
      memberRules.check(new MemberUnderValidation(member, Optional.of(service)), report);
    }
  }
}
