package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.util.Elements;

/**
 * A service whose {@code @WebEndpoint}s or {@code @WebApp} the container serves over HTTP needs
 * lifecycle-web, which does the serving, at run time; its absence from the compilation is the
 * early sign (LC168), reported once per service, on its first web method. {@code @WebServer}s
 * start servers of their own and need nothing more; a {@code @Server} class has no web methods to
 * serve (LC158).
 */
final class WebArtifactRule implements ServiceRule {

  /**
   * lifecycle-web's marker class, by name: the processor must not depend on the artifact whose
   * presence it checks.
   */
  static final String MARKER = "dev.lifecycle.web.LifecycleWeb";

  private static final List<String> SERVED = List.of(
      LifecycleAnnotations.WEB_ENDPOINT, LifecycleAnnotations.WEB_APP);

  private final Elements elements;

  WebArtifactRule(Elements elements) {
    this.elements = elements;
  }

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (service.isServer() || elements.getTypeElement(MARKER) != null) {
      return;
    }
    for (LifecycleMember member : service.members()) {
      for (String annotation : SERVED) {
        AnnotationMirror web = member.web(annotation);
        if (web != null) {
          report.about(member.method()).at(web).report(Message.WEB_WITHOUT_LIFECYCLE_WEB,
              Names.type(service.type()), "@" + annotation.substring(annotation.lastIndexOf('.') + 1),
              Names.method(member.method()));
          return;
        }
      }
    }
  }
}
