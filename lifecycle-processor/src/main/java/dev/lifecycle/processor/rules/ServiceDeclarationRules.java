package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.ServiceAnnotation;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * A type carries one service annotation: not both {@code @Service} and {@code @FunctionService}
 * (LC131), not {@code @Server} with another (LC153); and it is a class (LC120).
 */
final class ServiceDeclarationRules implements ServiceRule {

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    TypeElement type = service.type();
    String label = service.annotation().label();
    if (ServiceAnnotation.hasBoth(type)) {
      report.report(Message.BOTH_SERVICE_ANNOTATIONS, Names.type(type));
    }
    if (!service.isServer() && ServiceAnnotation.hasServer(type)) {
      report.report(Message.SERVER_COMBINED_WITH_SERVICE, Names.type(type), label, label);
    }
    if (!service.isClass()) {
      report.report(
          Message.SERVICE_NOT_A_CLASS, label, Names.type(type), describeKind(type.getKind()));
    }
  }

  private static String describeKind(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation interface";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
