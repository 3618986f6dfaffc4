package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.stream.Collectors;

/**
 * A method is one kind of member: a hook is not a {@code @Method} (LC104), nor both {@code @Enter}
 * and {@code @Exit} (LC105); a web method is not a hook (LC155), not a {@code @Method} (LC156), not
 * two web forms (LC157). The signature rules of a web method combined so are left out, since which
 * of them apply depends on the fix.
 */
final class CombinationRules implements MemberRule {

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    LifecycleMember member = subject.member();
    ValidationReport.Builder onMember = report.about(subject.method());
    String name = subject.name();
    if (member.isHook() && member.isCallable()) {
      onMember.report(
          Message.HOOK_COMBINED_WITH_METHOD, name, member.enter() != null ? "@Enter" : "@Exit");
    }
    if (member.enter() != null && member.exit() != null) {
      onMember.report(Message.ENTER_COMBINED_WITH_EXIT, name);
    }
    if (!member.isWeb()) {
      return;
    }
    String firstWeb = LifecycleMember.webLabel(member.web().get(0));
    if (member.enter() != null) {
      onMember.report(Message.HOOK_COMBINED_WITH_WEB, name, "@Enter", firstWeb);
    }
    if (member.exit() != null) {
      onMember.report(Message.HOOK_COMBINED_WITH_WEB, name, "@Exit", firstWeb);
    }
    if (member.isCallable()) {
      onMember.report(Message.METHOD_COMBINED_WITH_WEB, name, firstWeb);
    }
    if (member.web().size() > 1) {
      onMember.report(
          Message.WEB_COMBINED_WITH_WEB,
          name,
          firstWeb,
          member.web().stream()
              .skip(1)
              .map(LifecycleMember::webLabel)
              .collect(Collectors.joining(" and ")));
    }
  }
}
