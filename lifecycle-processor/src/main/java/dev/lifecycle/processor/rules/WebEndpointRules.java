package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.HttpMethods;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A {@code @WebEndpoint} answers GET, POST, PUT, PATCH or DELETE, in any case (LC164; the default,
 * POST, needs no check), on a path that starts with {@code /} (LC162) and is a path only, which
 * requests can match (LC165). Each error is on the value to change.
 */
final class WebEndpointRules implements MemberRule {

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    subject
        .member()
        .webMethodOnly(LifecycleAnnotations.WEB_ENDPOINT)
        .ifPresent(
            endpoint -> {
              ValidationReport.Builder onMember = report.about(subject.method());
              checkHttpMethod(subject.name(), endpoint, onMember);
              checkPath(subject.name(), endpoint, onMember);
            });
  }

  private static void checkHttpMethod(
      String name, AnnotationMirror endpoint, ValidationReport.Builder onMember) {
    Optional<AnnotationValue> httpMethod = AnnotationValues.explicit(endpoint, "method");
    if (httpMethod.isEmpty()
        || !(httpMethod.get().getValue() instanceof String text)
        || HttpMethods.normalise(text).isPresent()) {
      return;
    }
    onMember
        .at(endpoint, httpMethod.get())
        .report(Message.UNKNOWN_HTTP_METHOD, text, name, HttpMethods.listed());
  }

  private static void checkPath(
      String name, AnnotationMirror endpoint, ValidationReport.Builder onMember) {
    Optional<AnnotationValue> path = AnnotationValues.explicit(endpoint, "path");
    if (path.isEmpty() || !(path.get().getValue() instanceof String text)) {
      return;
    }
    ValidationReport.Builder onPath = onMember.at(endpoint, path.get());
    if (!text.startsWith("/")) {
      onPath.report(Message.WEB_PATH_NOT_ABSOLUTE, text, name, text);
      return;
    }
    unreachablePart(text)
        .ifPresent(
            part ->
                onPath.report(
                    Message.WEB_PATH_UNREACHABLE, text, name, part, text.split("[?#\\s]", 2)[0]));
  }

  /** What in {@code path} no request path can contain: a query, a fragment or white space. */
  private static Optional<String> unreachablePart(String path) {
    if (path.contains("?")) {
      return Optional.of("a query (\"?\")");
    }
    if (path.contains("#")) {
      return Optional.of("a fragment (\"#\")");
    }
    if (path.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("white space");
    }
    return Optional.empty();
  }
}
