package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code @Method}s of a {@code @Service} have names of their own, since callers invoke them by
 * name (LC130); the error is on the later of the two, in hierarchy order, and names both.
 */
final class MethodNameRules implements ServiceRule {

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (service.isServer() || service.isFunction()) {
      return;
    }
    Map<String, LifecycleMember> byName = new HashMap<>();
    for (LifecycleMember member : service.members()) {
      if (!member.isCallable()) {
        continue;
      }
      String name = member.method().getSimpleName().toString();
      LifecycleMember first = byName.putIfAbsent(name, member);
      if (first != null) {
        Clash.report(
            report.about(member.method()),
            Message.DUPLICATE_METHOD_NAME,
            service,
            first,
            member,
            name);
      }
    }
  }
}
