package dev.lifecycle.processor.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
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
 * parameters and return void synchronously; {@code @WebApp} and {@code @WebServer} methods take no
 * parameters and are synchronous, a {@code @WebApp} returns an {@code HttpHandler}, a {@code
 * @WebEndpoint} answers a known HTTP method on a path that starts with {@code /}, a {@code
 * @WebServer} has a valid port and startup timeout; a method is one kind of member only; and
 * generated code must be able to call it.
 */
final class MemberValidator {

  /** Return types that mean "the work goes on after the method returns". */
  private static final List<String> ASYNC_TYPES =
      List.of(
          "java.util.concurrent.Future",
          "java.util.concurrent.CompletionStage",
          "java.util.concurrent.Flow.Publisher");

  private static final String HTTP_HANDLER = "com.sun.net.httpserver.HttpHandler";
  /** As for {@code @Server(startupTimeoutSeconds)}: zero would fail every start. */
  private static final int MIN_STARTUP_TIMEOUT_SECONDS = 1;

  private final Types types;
  private final List<TypeMirror> asyncTypes;
  /** Null when the compilation cannot see module jdk.httpserver. */
  private final TypeMirror httpHandler;

  MemberValidator(Elements elements, Types types) {
    this.types = types;
    TypeElement handler = elements.getTypeElement(HTTP_HANDLER);
    this.httpHandler = handler == null ? null : handler.asType();
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
    boolean combinedWithWeb = validateWebCombinations(member, target, name, report);
    if (member.isHook() && !combinedWithWeb) {
      validateHookSignature(method, target, label, name, report);
    }
    if (member.isWeb() && !combinedWithWeb) {
      validateWebSignature(member, target, name, report);
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

  /**
   * A web method is of no other kind: not a hook (LC155), not a {@code @Method} (LC156), not two
   * web forms (LC157). Returns whether any of these was reported; the signature rules of each kind
   * are then left out, since which of them apply depends on the fix.
   */
  private boolean validateWebCombinations(
      LifecycleMember member, Element target, String name, ValidationReport.Builder report) {
    if (!member.isWeb()) {
      return false;
    }
    String firstWeb = LifecycleMember.webLabel(member.web().get(0));
    boolean reported = false;
    if (member.enter() != null) {
      report.report(Message.HOOK_COMBINED_WITH_WEB, target, name, "@Enter", firstWeb);
      reported = true;
    }
    if (member.exit() != null) {
      report.report(Message.HOOK_COMBINED_WITH_WEB, target, name, "@Exit", firstWeb);
      reported = true;
    }
    if (member.isCallable()) {
      report.report(Message.METHOD_COMBINED_WITH_WEB, target, name, firstWeb);
      reported = true;
    }
    if (member.web().size() > 1) {
      report.report(
          Message.WEB_COMBINED_WITH_WEB,
          target,
          name,
          firstWeb,
          member.web().stream()
              .skip(1)
              .map(LifecycleMember::webLabel)
              .collect(Collectors.joining(" and ")));
      reported = true;
    }
    return reported;
  }

  private void validateWebSignature(
      LifecycleMember member, Element target, String name, ValidationReport.Builder report) {
    ExecutableElement method = member.method();
    AnnotationMirror endpoint = member.web(LifecycleMember.WEB_ENDPOINT);
    if (endpoint != null) {
      validateHttpMethod(method, endpoint, target, name, report);
      validatePath(method, endpoint, target, name, report);
      return;
    }
    AnnotationMirror webServer = member.web(LifecycleMember.WEB_SERVER);
    if (webServer != null) {
      validateWebServerValues(method, webServer, target, name, report);
    }
    String label = LifecycleMember.webLabel(member.web().get(0));
    if (!method.getParameters().isEmpty()) {
      report.report(Message.WEB_TAKES_PARAMETERS, target, label, name);
    }
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() != TypeKind.VOID && isAsync(returnType)) {
      report.report(Message.WEB_IS_ASYNC, target, label, name, Names.simpleType(returnType));
    } else if (member.web(LifecycleMember.WEB_APP) != null
        && (httpHandler == null || !types.isAssignable(returnType, httpHandler))) {
      report.report(Message.WEB_APP_RETURN_TYPE, target, name, Names.simpleType(returnType));
    }
  }

  /**
   * A {@code @WebServer} port is a TCP port (LC154) and its startup timeout at least a second
   * (LC127, as for the options of {@code @Service}); the errors are on the values.
   */
  private static void validateWebServerValues(
      ExecutableElement method,
      AnnotationMirror webServer,
      Element target,
      String name,
      ValidationReport.Builder report) {
    Optional<AnnotationValue> port = AnnotationValues.explicit(webServer, "port");
    if (port.isPresent() && port.get().getValue() instanceof Integer number
        && (number < 1 || number > 65535)) {
      if (target == method) {
        report.report(
            Message.PORT_OUT_OF_RANGE, target, webServer, port.get(), "@WebServer", number, name);
      } else {
        report.report(Message.PORT_OUT_OF_RANGE, target, "@WebServer", number, name);
      }
    }
    Optional<AnnotationValue> timeout =
        AnnotationValues.explicit(webServer, "startupTimeoutSeconds");
    if (timeout.isPresent() && timeout.get().getValue() instanceof Integer seconds
        && seconds < MIN_STARTUP_TIMEOUT_SECONDS) {
      Object[] args = {
        "@WebServer", "startupTimeoutSeconds", seconds, name, MIN_STARTUP_TIMEOUT_SECONDS
      };
      if (target == method) {
        report.report(Message.OPTION_OUT_OF_RANGE, target, webServer, timeout.get(), args);
      } else {
        report.report(Message.OPTION_OUT_OF_RANGE, target, args);
      }
    }
  }

  /**
   * A {@code @WebEndpoint} answers GET, POST, PUT, PATCH or DELETE, in any case (LC164); the error
   * is on the method value. The default, POST, needs no check.
   */
  private static void validateHttpMethod(
      ExecutableElement method,
      AnnotationMirror endpoint,
      Element target,
      String name,
      ValidationReport.Builder report) {
    Optional<AnnotationValue> httpMethod = AnnotationValues.explicit(endpoint, "method");
    if (httpMethod.isEmpty()
        || !(httpMethod.get().getValue() instanceof String text)
        || HttpMethods.normalise(text).isPresent()) {
      return;
    }
    String supported = HttpMethods.listed();
    if (target == method) {
      report.report(
          Message.UNKNOWN_HTTP_METHOD, target, endpoint, httpMethod.get(), text, name, supported);
    } else {
      report.report(Message.UNKNOWN_HTTP_METHOD, target, text, name, supported);
    }
  }

  /**
   * A {@code @WebEndpoint} path starts with {@code /} and is a path only, which requests can match;
   * the error is on the path value.
   */
  private static void validatePath(
      ExecutableElement method,
      AnnotationMirror endpoint,
      Element target,
      String name,
      ValidationReport.Builder report) {
    Optional<AnnotationValue> path = AnnotationValues.explicit(endpoint, "path");
    if (path.isEmpty() || !(path.get().getValue() instanceof String text)) {
      return;
    }
    AnnotationMirror onAnnotation = target == method ? endpoint : null;
    AnnotationValue onValue = target == method ? path.get() : null;
    if (!text.startsWith("/")) {
      report.report(Message.WEB_PATH_NOT_ABSOLUTE, target, onAnnotation, onValue, text, name, text);
      return;
    }
    unreachablePart(text).ifPresent(part -> report.report(Message.WEB_PATH_UNREACHABLE, target,
        onAnnotation, onValue, text, name, part, text.split("[?#\\s]", 2)[0]));
  }

  /** What in {@code path} no request path can contain: a query, a fragment or white space. */
  private static Optional<String> unreachablePart(String path) {
    if (path.contains("?")) {
      return Optional.of("a query (\"?\")");
    }
    if (path.contains("#")) {
      return Optional.of("a fragment (\"#\")");
    }
    if (path.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("white space");
    }
    return Optional.empty();
  }

  private boolean isAsync(TypeMirror returnType) {
    TypeMirror erased = types.erasure(returnType);
    return asyncTypes.stream().anyMatch(async -> types.isAssignable(erased, async));
  }
}
