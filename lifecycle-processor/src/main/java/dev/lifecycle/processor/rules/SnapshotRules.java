package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.model.HookKind;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;
import dev.lifecycle.processor.reading.ServiceAnnotation;

/**
 * {@code @Enter(snap = true)} needs a memory snapshot, which the service enables (LC106). The error
 * is on the {@code snap = true} value; for a hook compiled earlier, on the service's annotation,
 * where the fix is made.
 */
final class SnapshotRules implements MemberRule {

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    subject.service().ifPresent(service -> check(subject.member(), service, report));
  }

  private static void check(
      LifecycleMember member, AnnotatedService service, ValidationReport.Builder report) {
    ServiceAnnotation annotation = service.annotation();
    if (member.enter() == null
        || member.hookKind() != HookKind.ENTER_BEFORE_SNAPSHOT
        || annotation.memorySnapshotEnabled()) {
      return;
    }
    report
        .at(annotation.mirror())
        .about(member.method())
        .at(member.enter(), member.snapValue().orElseThrow())
        .report(
            Message.SNAP_WITHOUT_MEMORY_SNAPSHOT,
            Names.method(member.method()),
            annotation.noun(),
            Names.type(service.type()),
            annotation.isServer() ? "@Server" : "@Service");
  }
}
