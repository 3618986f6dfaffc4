package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.HttpMethods;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.util.Elements;

/**
 * The web methods of one service, inherited ones included, together: each HTTP method and path
 * pair is served by one {@code @WebEndpoint} (LC163), a service has at most one {@code @WebApp}
 * (LC166), and no two {@code @WebServer}s share a port (LC167). Each error is on the later of the
 * two methods, in hierarchy order, and names both. Not checked on a {@code @Server}, where every
 * web method is an error already (LC158).
 */
final class WebRouteRules implements ServiceRule {

  private final Elements elements;

  WebRouteRules(Elements elements) {
    this.elements = elements;
  }

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (service.isServer()) {
      return;
    }
    checkUniqueEndpoints(service, report);
    checkSingleApp(service, report);
    checkUniquePorts(service, report);
  }

  /**
   * Routes compare with the HTTP method normalised, so {@code "post"} and the default {@code
   * "POST"} clash; an unknown HTTP method is LC164's to report, not a route.
   */
  private void checkUniqueEndpoints(AnnotatedService service, ValidationReport.Builder report) {
    Map<List<String>, LifecycleMember> byRoute = new HashMap<>();
    for (LifecycleMember member : service.members()) {
      AnnotationMirror endpoint = member.web(LifecycleAnnotations.WEB_ENDPOINT);
      if (endpoint == null) {
        continue;
      }
      Map<String, Object> values = AnnotationValues.withDefaults(elements, endpoint);
      if (!(values.get("method") instanceof String written)
          || !(values.get("path") instanceof String path)) {
        continue;
      }
      Optional<String> httpMethod = HttpMethods.normalise(written);
      if (httpMethod.isEmpty()) {
        continue;
      }
      LifecycleMember first = byRoute.putIfAbsent(List.of(httpMethod.get(), path), member);
      if (first != null) {
        Clash.report(
            report.about(member.method()),
            Message.DUPLICATE_WEB_ENDPOINT,
            service,
            first,
            member,
            httpMethod.get(),
            path);
      }
    }
  }

  /** Two handlers for every path would leave the container to pick one; it does not guess. */
  private static void checkSingleApp(AnnotatedService service, ValidationReport.Builder report) {
    LifecycleMember first = null;
    for (LifecycleMember member : service.members()) {
      AnnotationMirror app = member.web(LifecycleAnnotations.WEB_APP);
      if (app == null) {
        continue;
      }
      if (first == null) {
        first = member;
        continue;
      }
      Clash.report(
          report.about(member.method()).at(app), Message.DUPLICATE_WEB_APP, service, first, member);
    }
  }

  /** The error is on the port value, which is what to change. */
  private static void checkUniquePorts(AnnotatedService service, ValidationReport.Builder report) {
    Map<Integer, LifecycleMember> byPort = new HashMap<>();
    for (LifecycleMember member : service.members()) {
      AnnotationMirror webServer = member.web(LifecycleAnnotations.WEB_SERVER);
      if (webServer == null) {
        continue;
      }
      Optional<AnnotationValue> port = AnnotationValues.explicit(webServer, "port");
      if (port.isEmpty() || !(port.get().getValue() instanceof Integer number)) {
        continue;
      }
      LifecycleMember first = byPort.putIfAbsent(number, member);
      if (first != null) {
        Clash.report(
            report.about(member.method()).at(webServer, port.get()),
            Message.DUPLICATE_WEB_SERVER_PORT,
            service,
            first,
            member,
            number);
      }
    }
  }
}
