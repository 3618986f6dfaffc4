package dev.lifecycle.processor.modelling;

import com.palantir.javapoet.TypeName;
import dev.lifecycle.processor.model.MethodModel;
import dev.lifecycle.processor.model.ParameterModel;
import dev.lifecycle.processor.model.WebMethodModel;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.HttpMethods;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The models of the methods and web methods of a service, their types seen from the service. */
final class MemberModels {

  /**
   * Stand-ins for values javac could not compute (say, a constant that does not exist). javac
   * reports those itself and fails the compilation, so they never reach a build; they only keep
   * the processor from crashing on them.
   */
  private static final int UNCOMPUTED_INT = 1;
  private static final String UNCOMPUTED_STRING = "";
  private static final String UNCOMPUTED_HTTP_METHOD = "POST";

  private final Elements elements;
  private final Types types;

  MemberModels(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** A validated web member carries exactly one web annotation. */
  WebMethodModel webMethod(TypeElement service, LifecycleMember member) {
    MethodModel method = method(service, member.method());
    AnnotationMirror endpoint = member.web(LifecycleAnnotations.WEB_ENDPOINT);
    if (endpoint != null) {
      Map<String, Object> values = AnnotationValues.withDefaults(elements, endpoint);
      String httpMethod =
          HttpMethods.normalise(stringValue(values, "method")).orElse(UNCOMPUTED_HTTP_METHOD);
      return WebMethodModel.endpoint(method, httpMethod, stringValue(values, "path"));
    }
    AnnotationMirror webServer = member.web(LifecycleAnnotations.WEB_SERVER);
    if (webServer != null) {
      Map<String, Object> values = AnnotationValues.withDefaults(elements, webServer);
      return WebMethodModel.server(
          method, intValue(values, "port"), intValue(values, "startupTimeoutSeconds"));
    }
    return WebMethodModel.app(method);
  }

  MethodModel method(TypeElement service, ExecutableElement method) {
    // Seen from the service, so that type variables of generic superclasses are resolved.
    ExecutableType asMember =
        (ExecutableType) types.asMemberOf((DeclaredType) service.asType(), method);
    List<ParameterModel> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      TypeMirror type = asMember.getParameterTypes().get(i);
      parameters.add(
          new ParameterModel(
              method.getParameters().get(i).getSimpleName().toString(),
              TypeName.get(type),
              TypeName.get(types.erasure(type))));
    }
    TypeMirror returnType = asMember.getReturnType();
    return new MethodModel(
        method.getSimpleName().toString(),
        parameters,
        TypeName.get(returnType),
        TypeName.get(types.erasure(returnType)),
        asMember.getThrownTypes().stream().map(t -> TypeName.get(types.erasure(t))).toList(),
        batching(method, asMember),
        method.isVarArgs());
  }

  /** A validated {@code @Batched} method takes a {@code List<T>} and returns a {@code List<R>}. */
  private Optional<MethodModel.BatchingModel> batching(ExecutableElement method, ExecutableType asMember) {
    AnnotationMirror batched =
        LifecycleAnnotations.find(method.getAnnotationMirrors(), LifecycleAnnotations.BATCHED);
    if (batched == null) {
      return Optional.empty();
    }
    Map<String, Object> values = AnnotationValues.withDefaults(elements, batched);
    TypeMirror input = ((DeclaredType) asMember.getParameterTypes().get(0)).getTypeArguments().get(0);
    TypeMirror output = ((DeclaredType) asMember.getReturnType()).getTypeArguments().get(0);
    return Optional.of(new MethodModel.BatchingModel(
        intValue(values, "maxBatchSize"),
        values.get("waitMillis") instanceof Long millis ? millis : 0L,
        new ParameterModel(method.getParameters().get(0).getSimpleName().toString(),
            TypeName.get(input), TypeName.get(types.erasure(input))),
        TypeName.get(output),
        TypeName.get(types.erasure(output))));
  }

  static int intValue(Map<String, Object> values, String attribute) {
    return values.get(attribute) instanceof Integer number ? number : UNCOMPUTED_INT;
  }

  private static String stringValue(Map<String, Object> values, String attribute) {
    return values.get(attribute) instanceof String text ? text : UNCOMPUTED_STRING;
  }
}
