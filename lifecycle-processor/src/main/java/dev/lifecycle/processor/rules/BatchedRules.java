package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Batched} method is a {@code @Method} (LC175) and nothing else (LC176), takes one
 * {@code List<T>} (LC177), returns a {@code List<R>} (LC178), and its options are in range
 * (LC179).
 */
final class BatchedRules implements MemberRule {

  /** The least value of each option. */
  private static final Map<String, Long> MINIMUMS = Map.of("maxBatchSize", 1L, "waitMillis", 0L);
  /** The largest: a batch held in memory, and a wait of an hour, are bounds enough. */
  private static final Map<String, Long> MAXIMUMS =
      Map.of("maxBatchSize", 100_000L, "waitMillis", 3_600_000L);

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    LifecycleMember member = subject.member();
    AnnotationMirror batched = member.batched();
    if (batched == null) {
      return;
    }
    ValidationReport.Builder onMember = report.about(subject.method());
    if (!member.isCallable()) {
      onMember.at(batched).report(Message.BATCHED_WITHOUT_METHOD, subject.name());
      return;
    }
    if (member.isHook() || member.isWeb()) {
      onMember.at(batched).report(Message.BATCHED_COMBINED, subject.name(), others(member));
      return;
    }
    ExecutableElement method = subject.method();
    if (method.getParameters().size() != 1 || !isList(method.getParameters().get(0).asType())) {
      onMember.report(Message.BATCHED_PARAMETERS, subject.name(), parameters(method));
    }
    if (!isList(method.getReturnType())) {
      onMember.aboutReturnType(method)
          .report(Message.BATCHED_RESULT, subject.name(), Names.simpleType(method.getReturnType()));
    }
    for (Map.Entry<String, Long> minimum : MINIMUMS.entrySet()) {
      AnnotationValues.explicit(batched, minimum.getKey()).ifPresent(value -> {
        long number = ((Number) value.getValue()).longValue();
        long maximum = MAXIMUMS.get(minimum.getKey());
        if (number < minimum.getValue() || number > maximum) {
          onMember.at(batched, value).report(Message.BATCH_OPTION_OUT_OF_RANGE, minimum.getKey(),
              number, subject.name(), minimum.getValue(), maximum);
        }
      });
    }
  }

  /** {@code java.util.List<T>} with its type argument given. */
  private static boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals("java.util.List")
        && ((DeclaredType) type).getTypeArguments().size() == 1;
  }

  private static String parameters(ExecutableElement method) {
    if (method.getParameters().isEmpty()) {
      return "no parameters";
    }
    StringJoiner types = new StringJoiner(", ", "(", ")");
    method.getParameters().forEach(parameter -> types.add(Names.simpleType(parameter.asType())));
    return types.toString();
  }

  /** {@code @Enter}, {@code @WebEndpoint}...: what else the method is. */
  private static String others(LifecycleMember member) {
    List<String> labels = new ArrayList<>();
    if (member.enter() != null) {
      labels.add("@Enter");
    }
    if (member.exit() != null) {
      labels.add("@Exit");
    }
    member.web().forEach(web -> labels.add(LifecycleMember.webLabel(web)));
    return String.join(" and ", labels);
  }
}
