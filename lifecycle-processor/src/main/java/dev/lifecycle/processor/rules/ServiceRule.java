package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;

/** A family of rules about one service as a whole; listed in {@link Rules}. */
interface ServiceRule {

  /**
   * Reports what {@code service} breaks into {@code report}, which is about the service; findings
   * about a member go through {@link ValidationReport.Builder#about}.
   */
  void check(AnnotatedService service, ValidationReport.Builder report);
}
