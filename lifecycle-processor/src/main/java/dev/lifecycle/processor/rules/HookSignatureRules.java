package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.LifecycleMember;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Hooks take no parameters (LC101) and return void synchronously (LC102 for an asynchronous type,
 * LC103 for any other). A hook that is also a web method is a combination to split first (LC155).
 */
final class HookSignatureRules implements MemberRule {

  private final AsyncTypes asyncTypes;

  HookSignatureRules(AsyncTypes asyncTypes) {
    this.asyncTypes = asyncTypes;
  }

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    LifecycleMember member = subject.member();
    if (!member.isHook() || member.isWeb()) {
      return;
    }
    ValidationReport.Builder onMember = report.about(subject.method());
    String label = member.label();
    if (!subject.method().getParameters().isEmpty()) {
      onMember.report(Message.HOOK_TAKES_PARAMETERS, label, subject.name());
    }
    TypeMirror returnType = subject.method().getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      return;
    }
    Message message =
        asyncTypes.isAsync(returnType) ? Message.HOOK_IS_ASYNC : Message.HOOK_RETURNS_VALUE;
    onMember.report(message, label, subject.name(), Names.simpleType(returnType));
  }
}
