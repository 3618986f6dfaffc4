package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.ParameterField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * {@code @Parameter} fields: of a type that converts from text (LC180), neither final (LC181) nor
 * static (LC182) nor private (LC183), public when inherited from another package (LC184), each
 * name once per service, and not hidden by a subclass's field (LC185), of an enum type the dispatcher can name (LC187).
 *
 * <p>Checked for each service on its own and inherited fields, and on every annotated field where
 * it is written (without a service, so LC184, LC185 and LC187 have nothing to check there).
 */
final class ParameterRules implements ServiceRule {

  private final Elements elements;

  ParameterRules(Elements elements) {
    this.elements = elements;
  }

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    Map<String, ParameterField> byName = new LinkedHashMap<>();
    for (ParameterField parameter : service.parameters()) {
      check(parameter, Optional.of(service), report);
      ParameterField first = byName.putIfAbsent(parameter.name(), parameter);
      if (first != null) {
        report
            .about(parameter.field())
            .report(
                Message.DUPLICATE_PARAMETER_NAME,
                parameter.name(),
                Names.type(service.type()),
                Names.field(first.field()),
                Names.field(parameter.field()));
      }
      hidingFields(service.type(), parameter)
          .forEach(
              hiding ->
                  report
                      .about(hiding)
                      .report(
                          Message.DUPLICATE_PARAMETER_NAME,
                          parameter.name(),
                          Names.type(service.type()),
                          Names.field(parameter.field()),
                          Names.field(hiding)));
    }
  }

  /**
   * Fields that are not parameters, declared below the parameter's class down to the service, with
   * the parameter's name: they hide it, and the dispatcher's {@code service.name = ...} would set
   * them instead. (A hiding parameter is the duplicate the loop above reports.)
   */
  private static List<VariableElement> hidingFields(TypeElement service, ParameterField parameter) {
    List<VariableElement> hiding = new ArrayList<>();
    for (TypeElement type = service;
        type != null && !type.equals(parameter.declaringType());
        type = superclass(type)) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(parameter.name())
            && ParameterField.of(field).isEmpty()) {
          hiding.add(0, field);
        }
      }
    }
    return hiding;
  }

  private static TypeElement superclass(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType declared
        ? (TypeElement) declared.asElement()
        : null;
  }

  /** The rules on one field, for {@code service} when it is checked for one. */
  void check(
      ParameterField parameter, Optional<AnnotatedService> service, ValidationReport.Builder report) {
    VariableElement field = parameter.field();
    ValidationReport.Builder on = report.about(field);
    String name = Names.field(field);
    Set<Modifier> modifiers = field.getModifiers();
    // A type javac could not resolve is javac's to report.
    if (field.asType().getKind() != TypeKind.ERROR && !ParameterTypes.isAllowed(field.asType())) {
      on.report(Message.PARAMETER_TYPE, name, Names.simpleType(field.asType()));
    }
    if (modifiers.contains(Modifier.FINAL)) {
      on.report(Message.PARAMETER_FINAL, name);
    }
    if (modifiers.contains(Modifier.STATIC)) {
      on.report(Message.PARAMETER_STATIC, name);
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      on.report(Message.PARAMETER_PRIVATE, name);
    }
    service.ifPresent(
        s -> {
          TypeElement declaring = parameter.declaringType();
          if (!modifiers.contains(Modifier.PUBLIC)
              && !modifiers.contains(Modifier.PRIVATE)
              && !samePackage(declaring, s.type())) {
            on.report(
                Message.PARAMETER_INACCESSIBLE, name, Names.type(declaring), Names.type(s.type()));
          }
          ParameterTypes.enumOf(field.asType())
              .flatMap(type -> whyUnreachable(type, s.type()))
              .ifPresent(
                  why ->
                      on.report(
                          Message.PARAMETER_ENUM_INACCESSIBLE,
                          name,
                          Names.type(ParameterTypes.enumOf(field.asType()).orElseThrow()),
                          Names.type(s.type()),
                          elements.getPackageOf(s.type()).getQualifiedName(),
                          why));
        });
  }

  /**
   * Why the dispatcher, in the service's package, cannot write {@code Size.class}: the enum or a
   * class around it is private, or not public in another package.
   */
  private Optional<String> whyUnreachable(TypeElement enumType, TypeElement service) {
    boolean samePackage = samePackage(enumType, service);
    for (Element type = enumType;
        type instanceof TypeElement typeElement;
        type = type.getEnclosingElement()) {
      Set<Modifier> modifiers = typeElement.getModifiers();
      boolean itself = type == enumType;
      if (modifiers.contains(Modifier.PRIVATE)) {
        return Optional.of(itself ? "private" : "nested in private class " + Names.type(typeElement));
      }
      if (!samePackage && !modifiers.contains(Modifier.PUBLIC)) {
        return Optional.of(itself ? "not public, and in another package"
            : "nested in class " + Names.type(typeElement) + ", which is not public");
      }
    }
    return Optional.empty();
  }

  private boolean samePackage(Element a, Element b) {
    return elements.getPackageOf(a).equals(elements.getPackageOf(b));
  }
}
