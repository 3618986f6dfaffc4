package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A {@code @WebServer} port is a TCP port (LC154) and its startup timeout at least a second (LC127,
 * as for the options of {@code @Service}); the errors are on the values.
 */
final class WebServerRules implements MemberRule {

  /** As for {@code @Server(startupTimeoutSeconds)}: zero would fail every start. */
  private static final int MIN_STARTUP_TIMEOUT_SECONDS = 1;

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    subject
        .member()
        .webMethodOnly(LifecycleAnnotations.WEB_SERVER)
        .ifPresent(webServer -> check(subject, webServer, report.about(subject.method())));
  }

  private static void check(
      MemberUnderValidation subject,
      AnnotationMirror webServer,
      ValidationReport.Builder onMember) {
    Optional<AnnotationValue> port = AnnotationValues.explicit(webServer, "port");
    if (port.isPresent()
        && port.get().getValue() instanceof Integer number
        && (number < 1 || number > 65535)) {
      onMember
          .at(webServer, port.get())
          .report(Message.PORT_OUT_OF_RANGE, "@WebServer", number, subject.name());
    }
    Optional<AnnotationValue> timeout =
        AnnotationValues.explicit(webServer, "startupTimeoutSeconds");
    if (timeout.isPresent()
        && timeout.get().getValue() instanceof Integer seconds
        && seconds < MIN_STARTUP_TIMEOUT_SECONDS) {
      onMember
          .at(webServer, timeout.get())
          .report(
              Message.OPTION_OUT_OF_RANGE,
              "@WebServer",
              "startupTimeoutSeconds",
              seconds,
              subject.name(),
              MIN_STARTUP_TIMEOUT_SECONDS);
    }
  }
}
