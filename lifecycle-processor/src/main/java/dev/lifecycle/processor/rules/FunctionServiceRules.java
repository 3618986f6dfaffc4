package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;

/**
 * A {@code @FunctionService} has one entry point, its {@code apply} method: it has no {@code
 * @Method}s, which would be ignored (LC129), and a concrete one implements {@code Function}
 * (LC128).
 */
final class FunctionServiceRules implements ServiceRule {

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (!service.isFunction()) {
      return;
    }
    String type = Names.type(service.type());
    for (LifecycleMember member : service.members()) {
      if (member.isCallable()) {
        report
            .about(member.method())
            .report(Message.METHOD_IN_FUNCTION_SERVICE, Names.method(member.method()), type);
      }
    }
    if (service.entryPoints().isEmpty() && !service.isAbstract()) {
      report.report(Message.FUNCTION_WITHOUT_APPLY, type);
    }
  }
}
