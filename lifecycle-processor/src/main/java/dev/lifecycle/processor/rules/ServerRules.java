package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.LifecycleMember;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.util.Elements;

/**
 * A {@code @Server} has an {@code @Enter} hook, which starts the server (LC150), no {@code
 * @Method}s (LC151) and no web methods (LC158).
 */
final class ServerRules implements ServiceRule {

  private final Elements elements;

  ServerRules(Elements elements) {
    this.elements = elements;
  }

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (!service.isServer()) {
      return;
    }
    String type = Names.type(service.type());
    if (service.members().stream().noneMatch(member -> member.enter() != null)
        && AnnotationValues.withDefaults(elements, service.annotation().mirror()).get("port")
            instanceof Integer port) {
      report.report(Message.SERVER_WITHOUT_ENTER, type, port);
    }
    for (LifecycleMember member : service.members()) {
      ValidationReport.Builder onMember = report.about(member.method());
      String name = Names.method(member.method());
      if (member.isCallable()) {
        onMember.report(Message.METHOD_IN_SERVER, name, type);
      }
      for (AnnotationMirror web : member.web()) {
        String label = LifecycleMember.webLabel(web);
        onMember.report(Message.WEB_IN_SERVER, name, label, type, label);
      }
    }
  }
}
