package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import javax.lang.model.element.ExecutableElement;

/** A {@code @Server} declares no constructor with parameters (LC152), each reported on itself. */
final class ServerConstructorRules implements ServiceRule {

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (!service.isServer()) {
      return;
    }
    for (ExecutableElement constructor : service.constructorsWithParameters()) {
      report
          .about(constructor)
          .report(
              Message.SERVER_CONSTRUCTOR_WITH_PARAMETERS,
              Names.type(service.type()),
              Names.method(constructor).replace(".<init>(", "("));
    }
  }
}
