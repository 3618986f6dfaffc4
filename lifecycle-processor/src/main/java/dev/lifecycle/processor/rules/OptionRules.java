package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.util.Elements;

/**
 * The options of a service's annotation are in range: a port is a TCP port (LC154), the others
 * have minimums (LC127). Each error is on the value.
 */
final class OptionRules implements ServiceRule {

  private static final Map<String, Integer> MINIMUMS =
      Map.of(
          "maxConcurrentInputs", 1,
          "inputTimeoutSeconds", 1,
          "exitGracePeriodSeconds", 0,
          "startupTimeoutSeconds", 1);

  private final Elements elements;

  OptionRules(Elements elements) {
    this.elements = elements;
  }

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    AnnotationMirror annotation = service.annotation().mirror();
    String label = service.annotation().label();
    String type = Names.type(service.type());
    elements
        .getElementValuesWithDefaults(annotation)
        .forEach(
            (attribute, value) -> {
              if (!(value.getValue() instanceof Integer number)) {
                return;
              }
              String name = attribute.getSimpleName().toString();
              ValidationReport.Builder onValue = report.at(annotation, value);
              if (name.equals("port")) {
                if (number < 1 || number > 65535) {
                  onValue.report(Message.PORT_OUT_OF_RANGE, label, number, type);
                }
                return;
              }
              int minimum = MINIMUMS.getOrDefault(name, Integer.MIN_VALUE);
              if (number < minimum) {
                onValue.report(Message.OPTION_OUT_OF_RANGE, label, name, number, type, minimum);
              }
            });
  }
}
