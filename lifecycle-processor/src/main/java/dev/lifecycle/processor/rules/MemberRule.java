package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.ValidationReport;

/**
 * A family of rules about one lifecycle member; listed in {@link Rules}. A member is checked where
 * it is written, and again for every service that has it, so that a member compiled earlier is
 * checked too.
 */
interface MemberRule {

  /**
   * Reports what {@code member} breaks into {@code report}, which is about the member's service or
   * the member itself; findings go through {@link ValidationReport.Builder#about} the member.
   */
  void check(MemberUnderValidation member, ValidationReport.Builder report);
}
