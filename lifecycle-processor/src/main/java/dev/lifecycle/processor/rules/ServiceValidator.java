package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.SourceOracle;
import java.util.List;

/**
 * Validates one {@code @Service}, {@code @FunctionService} or {@code @Server} with everything it
 * inherits, by {@link Rules}.
 */
public final class ServiceValidator {

  private final Rules rules;
  private final SourceOracle sources;

  public ServiceValidator(Rules rules, SourceOracle sources) {
    this.rules = rules;
    this.sources = sources;
  }

  /** The findings about {@code service}; a service with a clean report can be generated. */
  public ValidationReport validate(AnnotatedService service) {
    ValidationReport.Builder report = ValidationReport.about(service.type(), sources);
    check(rules.declarationRules, service, report);
    if (service.isClass()) {
      check(rules.serviceRules, service, report);
    }
    return report.build();
  }

  private static void check(
      List<ServiceRule> rules, AnnotatedService service, ValidationReport.Builder report) {
    for (ServiceRule rule : rules) {
      rule.check(service, report);
    }
  }
}
