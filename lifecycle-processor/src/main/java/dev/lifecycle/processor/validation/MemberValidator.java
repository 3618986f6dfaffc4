package dev.lifecycle.processor.validation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules every annotated method obeys on its own, wherever it is declared: hooks take no
 * parameters and return void synchronously; a method is one kind of member only; and generated
 * code must be able to call it.
 */
final class MemberValidator {

  /** Return types that mean "the work goes on after the method returns". */
  private static final List<String> ASYNC_TYPES =
      List.of(
          "java.util.concurrent.Future",
          "java.util.concurrent.CompletionStage",
          "java.util.concurrent.Flow.Publisher");

  private final Types types;
  private final List<TypeMirror> asyncTypes;

  MemberValidator(Elements elements, Types types) {
    this.types = types;
    this.asyncTypes =
        ASYNC_TYPES.stream()
            .map(elements::getTypeElement)
            .map(type -> types.erasure(type.asType()))
            .toList();
  }

  /**
   * Validates {@code member}, reporting on {@code target}: the method itself when it is in
   * source, or the service that inherits it from a compiled class (which has no position).
   */
  void validate(LifecycleMember member, Element target, ValidationReport.Builder report) {
    ExecutableElement method = member.method();
    String name = Names.method(method);
    String label = member.label();
    TypeElement declaringType = member.declaringType();
    if (declaringType.getKind() == ElementKind.INTERFACE) {
      report.report(
          Message.MEMBER_OF_INTERFACE, target, label, name, Names.type(declaringType));
      return;
    }

    if (member.isHook() && member.isCallable()) {
      report.report(
          Message.HOOK_COMBINED_WITH_METHOD,
          target,
          name,
          member.enter() != null ? "@Enter" : "@Exit");
    }
    if (member.enter() != null && member.exit() != null) {
      report.report(Message.ENTER_COMBINED_WITH_EXIT, target, name);
    }
    if (member.isHook()) {
      validateHookSignature(method, target, label, name, report);
    }

    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      report.report(Message.PRIVATE_MEMBER, target, label, name);
    }
    if (modifiers.contains(Modifier.STATIC)) {
      report.report(Message.STATIC_MEMBER, target, label, name);
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      report.report(Message.ABSTRACT_MEMBER, target, label, name);
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.report(
          Message.GENERIC_MEMBER,
          target,
          label,
          name,
          Names.typeParameters(method));
    }
  }

  private void validateHookSignature(
      ExecutableElement method,
      Element target,
      String label,
      String name,
      ValidationReport.Builder report) {
    if (!method.getParameters().isEmpty()) {
      report.report(Message.HOOK_TAKES_PARAMETERS, target, label, name);
    }
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      return;
    }
    String returned = Names.simpleType(returnType);
    if (isAsync(returnType)) {
      report.report(Message.HOOK_IS_ASYNC, target, label, name, returned);
    } else {
      report.report(Message.HOOK_RETURNS_VALUE, target, label, name, returned);
    }
  }

  private boolean isAsync(TypeMirror returnType) {
    TypeMirror erased = types.erasure(returnType);
    return asyncTypes.stream().anyMatch(async -> types.isAssignable(erased, async));
  }
}
