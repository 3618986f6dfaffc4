package dev.lifecycle.processor.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The rules the web methods of one service obey together, inherited ones included: each HTTP
 * method and path pair is served by one {@code @WebEndpoint} (LC163), a service has at most one
 * {@code @WebApp} (LC166), and no two {@code @WebServer}s share a port (LC167). Each error is on
 * the later of the two methods, in {@link ServiceHierarchy} order, and names both.
 */
final class WebMethodsValidator {

  private final Elements elements;
  private final SourceOracle sources;

  WebMethodsValidator(Elements elements, SourceOracle sources) {
    this.elements = elements;
    this.sources = sources;
  }

  void validate(
      List<LifecycleMember> members, TypeElement service, ValidationReport.Builder report) {
    validateUniqueEndpoints(members, service, report);
    validateSingleApp(members, service, report);
    validateUniquePorts(members, service, report);
  }

  /**
   * Routes compare with the HTTP method normalised, so {@code "post"} and the default {@code
   * "POST"} clash; an unknown HTTP method is LC164's to report, not a route.
   */
  private void validateUniqueEndpoints(
      List<LifecycleMember> members, TypeElement service, ValidationReport.Builder report) {
    Map<List<String>, LifecycleMember> byRoute = new HashMap<>();
    for (LifecycleMember member : members) {
      AnnotationMirror endpoint = member.web(LifecycleMember.WEB_ENDPOINT);
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
        report.report(
            Message.DUPLICATE_WEB_ENDPOINT,
            positionOf(member.method(), service),
            httpMethod.get(),
            path,
            Names.type(service),
            Names.method(first.method()),
            Names.method(member.method()));
      }
    }
  }

  /** Two handlers for every path would leave the container to pick one; it does not guess. */
  private void validateSingleApp(
      List<LifecycleMember> members, TypeElement service, ValidationReport.Builder report) {
    LifecycleMember first = null;
    for (LifecycleMember member : members) {
      AnnotationMirror app = member.web(LifecycleMember.WEB_APP);
      if (app == null) {
        continue;
      }
      if (first == null) {
        first = member;
        continue;
      }
      boolean inSource = sources.isInSource(member.method());
      report.report(
          Message.DUPLICATE_WEB_APP,
          positionOf(member.method(), service),
          inSource ? app : null,
          null,
          Names.type(service),
          Names.method(first.method()),
          Names.method(member.method()));
    }
  }

  /** The error is on the port value, which is what to change. */
  private void validateUniquePorts(
      List<LifecycleMember> members, TypeElement service, ValidationReport.Builder report) {
    Map<Integer, LifecycleMember> byPort = new HashMap<>();
    for (LifecycleMember member : members) {
      AnnotationMirror webServer = member.web(LifecycleMember.WEB_SERVER);
      if (webServer == null) {
        continue;
      }
      Optional<AnnotationValue> port = AnnotationValues.explicit(webServer, "port");
      if (port.isEmpty() || !(port.get().getValue() instanceof Integer number)) {
        continue;
      }
      LifecycleMember first = byPort.putIfAbsent(number, member);
      if (first == null) {
        continue;
      }
      boolean inSource = sources.isInSource(member.method());
      report.report(
          Message.DUPLICATE_WEB_SERVER_PORT,
          positionOf(member.method(), service),
          inSource ? webServer : null,
          inSource ? port.get() : null,
          number,
          Names.type(service),
          Names.method(first.method()),
          Names.method(member.method()));
    }
  }

  /** The member itself when it is in source, else the service that inherits it. */
  private Element positionOf(ExecutableElement method, TypeElement service) {
    return sources.isInSource(method) ? method : service;
  }
}
