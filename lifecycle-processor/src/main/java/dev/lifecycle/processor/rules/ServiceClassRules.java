package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * A container can create a service class: it is not abstract (LC121), neither local (LC123) nor
 * inner (LC122), not private or nested in a private class (LC124), not generic (LC126), and it has
 * a non-private constructor without parameters (LC125).
 */
final class ServiceClassRules implements ServiceRule {

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    TypeElement type = service.type();
    String label = service.annotation().label();
    String name = Names.type(type);
    if (service.isAbstract()) {
      report.report(Message.SERVICE_ABSTRACT, label, name);
    }
    if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      report.report(Message.SERVICE_LOCAL_CLASS, label, name);
    } else if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.report(Message.SERVICE_INNER_CLASS, label, name);
    }
    Optional<TypeElement> privateType = privateTypeAround(type);
    privateType.ifPresent(
        around ->
            report.report(
                Message.SERVICE_PRIVATE,
                label,
                name,
                around == type ? "private" : "nested in private class " + Names.type(around),
                around == type ? "it" : Names.type(around)));
    if (!type.getTypeParameters().isEmpty()) {
      report.report(Message.SERVICE_GENERIC, label, name, Names.typeParameters(type));
    }
    // A private class's implicit constructor is private too: LC124 already says what to fix. A
    // server's constructor with parameters is LC152's to report.
    if (!hasNoArgConstructor(type)
        && privateType.isEmpty()
        && !(service.isServer() && !service.constructorsWithParameters().isEmpty())) {
      report.report(Message.SERVICE_WITHOUT_NO_ARG_CONSTRUCTOR, label, name);
    }
  }

  private static boolean hasNoArgConstructor(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(
            constructor ->
                constructor.getParameters().isEmpty()
                    && !constructor.getModifiers().contains(Modifier.PRIVATE));
  }

  /** The class itself or the class around it that is private, out of the dispatcher's reach. */
  private static Optional<TypeElement> privateTypeAround(TypeElement service) {
    for (Element type = service;
        type instanceof TypeElement typeElement;
        type = type.getEnclosingElement()) {
      if (typeElement.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(typeElement);
      }
    }
    return Optional.empty();
  }
}
