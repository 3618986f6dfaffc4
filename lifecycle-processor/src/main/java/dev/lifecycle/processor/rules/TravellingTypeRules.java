package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What callers send and receive travels as JSON: the parameters (LC170) and the result (LC171) of
 * a {@code @Method}, a {@code @WebEndpoint} and a {@code @FunctionService}'s {@code apply} have
 * {@link TravellingTypes}, so that a call that works in one JVM works through a pool, and what
 * cannot cross is found by the compiler rather than by the first call in production.
 */
final class TravellingTypeRules implements MemberRule, ServiceRule {

  private final Types types;
  private final TravellingTypes travelling;

  TravellingTypeRules(Types types, TravellingTypes travelling) {
    this.types = types;
    this.travelling = travelling;
  }

  /** {@code @Method}s and {@code @WebEndpoint}s, as declared. */
  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    LifecycleMember member = subject.member();
    boolean endpoint = member.web(LifecycleAnnotations.WEB_ENDPOINT) != null;
    ExecutableElement method = subject.method();
    if (member.isHook() || !(member.isCallable() || endpoint)
        || !method.getTypeParameters().isEmpty()) {
      return; // hooks take and return nothing (LC101, LC103); a generic method is LC110
    }
    TypeMirror service = subject.service().map(found -> found.type().asType()).orElse(null);
    if (service instanceof DeclaredType declared && declared.getTypeArguments().isEmpty()) {
      // Seen from the service, which gives its superclasses' type variables their types.
      ExecutableType resolved = (ExecutableType) types.asMemberOf(declared, method);
      checkSignature(
          method, member.label(), seenFrom(declared, member), resolved.getParameterTypes(),
          resolved.getReturnType(), travelling::check, resultCheck(member, false), report);
    } else {
      checkSignature(
          method,
          member.label(),
          "",
          method.getParameters().stream().map(VariableElement::asType).toList(),
          method.getReturnType(),
          travelling::checkAsDeclared,
          resultCheck(member, true),
          report);
    }
  }

  /** A function's {@code apply}, with the types its service's {@code Function<I, O>} gives it. */
  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (!service.isFunction() || !service.type().getTypeParameters().isEmpty()) {
      return; // a generic service is LC126
    }
    for (ExecutableElement apply : service.entryPoints()) {
      ExecutableType resolved =
          (ExecutableType) types.asMemberOf((DeclaredType) service.type().asType(), apply);
      String seenFrom = apply.getEnclosingElement().equals(service.type())
          ? "" : " as " + service.type().getSimpleName() + " sees it";
      checkSignature(
          apply, "@FunctionService", seenFrom, resolved.getParameterTypes(),
          resolved.getReturnType(), travelling::check, travelling::check, report);
    }
  }

  /**
   * How a member's result is checked: a {@code @Method}'s {@code Stream<T>} sends its items one by
   * one, so its {@code T} must travel; any other result travels whole.
   */
  private Function<TypeMirror, Optional<TravellingTypes.Untravelled>> resultCheck(
      LifecycleMember member, boolean asDeclared) {
    return result -> {
      if (member.isCallable() && !member.isWeb() && result instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(STREAM)
          && declared.getTypeArguments().size() == 1) {
        return travelling.checkStreamItems(declared, asDeclared);
      }
      return asDeclared ? travelling.checkAsDeclared(result) : travelling.check(result);
    };
  }

  private static final String STREAM = "java.util.stream.Stream";

  /**
   * {@code " as Threads sees it"} for a member of a generic superclass, whose types the service
   * gives: the error is on the superclass's line, and names the service that makes it one.
   */
  private static String seenFrom(DeclaredType service, LifecycleMember member) {
    return member.declaringType().getTypeParameters().isEmpty()
            || member.declaringType().equals(service.asElement())
        ? ""
        : " as " + service.asElement().getSimpleName() + " sees it";
  }

  private void checkSignature(
      ExecutableElement method,
      String label,
      String seenFrom,
      List<? extends TypeMirror> parameterTypes,
      TypeMirror returnType,
      Function<TypeMirror, Optional<TravellingTypes.Untravelled>> check,
      Function<TypeMirror, Optional<TravellingTypes.Untravelled>> checkResult,
      ValidationReport.Builder report) {
    String name = Names.method(method);
    for (int i = 0; i < parameterTypes.size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      check
          .apply(parameterTypes.get(i))
          .ifPresent(
              untravelled ->
                  report
                      .about(method)
                      .about(parameter)
                      .report(
                          Message.PARAMETER_CANNOT_TRAVEL,
                          parameter.getSimpleName(),
                          label,
                          name,
                          seenFrom,
                          untravelled.reason(),
                          untravelled.fix()));
    }
    checkResult
        .apply(returnType)
        .ifPresent(
            untravelled ->
                report
                    .about(method)
                    .aboutReturnType(method)
                    .report(
                        Message.RESULT_CANNOT_TRAVEL,
                        label,
                        name,
                        seenFrom,
                        Names.simpleType(returnType),
                        untravelled.reason(),
                        untravelled.fix()));
  }
}
