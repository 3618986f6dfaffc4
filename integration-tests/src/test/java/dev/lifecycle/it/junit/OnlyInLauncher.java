package dev.lifecycle.it.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a fixture class that a test runs in a launcher of its own ({@link Fixtures#run}), to see
 * what JUnit reports for it; some of them fail on purpose, so they stay disabled anywhere else
 * (an IDE running every class of the package, say).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OnlyInLauncher.Condition.class)
@interface OnlyInLauncher {

  String PARAMETER = "lifecycle.it.fixtures";

  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run by LifecycleExtensionTest")
          : ConditionEvaluationResult.disabled("a fixture of LifecycleExtensionTest");
    }
  }
}
