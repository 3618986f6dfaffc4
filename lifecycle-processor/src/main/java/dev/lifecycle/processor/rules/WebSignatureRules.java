package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.LifecycleMember;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code @WebApp} and {@code @WebServer} methods take no parameters (LC159) and are synchronous
 * (LC160); a {@code @WebApp} returns an {@code HttpHandler} (LC161).
 */
final class WebSignatureRules implements MemberRule {

  /**
   * By name: it is looked up in the compilation, which may not see module jdk.httpserver (nor
   * need the processor's own JVM have it).
   */
  private static final String HTTP_HANDLER = "com.sun.net.httpserver.HttpHandler";

  private final Types types;
  private final AsyncTypes asyncTypes;
  /** Null when the compilation cannot see module jdk.httpserver. */
  private final TypeMirror httpHandler;

  WebSignatureRules(Elements elements, Types types, AsyncTypes asyncTypes) {
    this.types = types;
    this.asyncTypes = asyncTypes;
    TypeElement handler = elements.getTypeElement(HTTP_HANDLER);
    this.httpHandler = handler == null ? null : handler.asType();
  }

  @Override
  public void check(MemberUnderValidation subject, ValidationReport.Builder report) {
    LifecycleMember member = subject.member();
    if (!member.isWebMethodOnly() || member.web(LifecycleAnnotations.WEB_ENDPOINT) != null) {
      return;
    }
    ValidationReport.Builder onMember = report.about(subject.method());
    String label = LifecycleMember.webLabel(member.web().get(0));
    if (!subject.method().getParameters().isEmpty()) {
      onMember.report(Message.WEB_TAKES_PARAMETERS, label, subject.name());
    }
    TypeMirror returnType = subject.method().getReturnType();
    if (asyncTypes.isAsync(returnType)) {
      onMember.report(
          Message.WEB_IS_ASYNC, label, subject.name(), Names.simpleType(returnType));
    } else if (member.web(LifecycleAnnotations.WEB_APP) != null
        && (httpHandler == null || !types.isAssignable(returnType, httpHandler))) {
      onMember.report(Message.WEB_APP_RETURN_TYPE, subject.name(), Names.simpleType(returnType));
    }
  }
}
