package dev.lifecycle.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.lifecycle.processor.model.HookKind;
import dev.lifecycle.processor.model.HookModel;
import dev.lifecycle.processor.model.MethodModel;
import dev.lifecycle.processor.model.OptionsModel;
import dev.lifecycle.processor.model.ParameterModel;
import dev.lifecycle.processor.model.ServerModel;
import dev.lifecycle.processor.model.ServiceModel;
import dev.lifecycle.processor.model.WebMethodModel;
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

/** Turns a validated service and its members into the immutable model the generator reads. */
final class ServiceModelFactory {

  /** The generated class is the service's flattened name plus this; the runtime looks it up so. */
  static final String DISPATCHER_SUFFIX = "_Lifecycle";

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

  ServiceModelFactory(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * @param annotation the class's {@code @Service}, {@code @FunctionService} or {@code @Server}
   * @param options the runtime options, already read and checked from {@code annotation}
   * @param members the service's members, top-down, as {@link ServiceHierarchy} gives; its web
   *     methods keep this order
   * @param entryPoints the methods callers reach by name, in the order to describe them
   */
  ServiceModel create(
      TypeElement service,
      ServiceAnnotation annotation,
      OptionsModel options,
      List<LifecycleMember> members,
      List<ExecutableElement> entryPoints) {
    ClassName serviceClass = ClassName.get(service);
    return new ServiceModel(
        serviceClass,
        dispatcherName(serviceClass),
        annotation.memorySnapshotEnabled(),
        options,
        hooksInRunOrder(members),
        entryPoints.stream().map(method -> method(service, method)).toList(),
        annotation.isServer() ? Optional.of(server(annotation)) : Optional.empty(),
        members.stream()
            .filter(LifecycleMember::isWeb)
            .map(member -> webMethod(service, member))
            .toList());
  }

  /** {@code com.example.Outer_Inner_Lifecycle} for {@code com.example.Outer.Inner}. */
  static ClassName dispatcherName(ClassName service) {
    return ClassName.get(
        service.packageName(), String.join("_", service.simpleNames()) + DISPATCHER_SUFFIX);
  }

  /**
   * Enter hooks keep the top-down order of {@code members}. Exit hooks run subclass first, like
   * JUnit's {@code @AfterEach}: classes bottom-up, declaration order within a class.
   */
  private static List<HookModel> hooksInRunOrder(List<LifecycleMember> members) {
    List<HookModel> hooks = new ArrayList<>();
    for (HookKind kind : List.of(HookKind.ENTER_BEFORE_SNAPSHOT, HookKind.ENTER_AFTER_SNAPSHOT)) {
      members.stream()
          .filter(member -> member.isHook() && member.hookKind() == kind)
          .map(ServiceModelFactory::hook)
          .forEach(hooks::add);
    }
    List<HookModel> exits = new ArrayList<>();
    String currentClass = null;
    int classStart = 0;
    for (LifecycleMember member : members) {
      if (!member.isHook() || member.hookKind() != HookKind.EXIT) {
        continue;
      }
      HookModel hook = hook(member);
      if (!hook.declaringClass().equals(currentClass)) {
        currentClass = hook.declaringClass();
        classStart = 0;
      }
      // Each class's group goes before the groups of its superclasses, in declaration order.
      exits.add(classStart++, hook);
    }
    hooks.addAll(exits);
    return hooks;
  }

  private static HookModel hook(LifecycleMember member) {
    return new HookModel(
        member.hookKind(),
        member.declaringType().getQualifiedName().toString(),
        member.method().getSimpleName().toString());
  }

  private ServerModel server(ServiceAnnotation annotation) {
    Map<String, Object> values = AnnotationValues.withDefaults(elements, annotation.mirror());
    return new ServerModel(
        intValue(values, "port"), intValue(values, "startupTimeoutSeconds"));
  }

  /** A validated web member carries exactly one web annotation. */
  private WebMethodModel webMethod(TypeElement service, LifecycleMember member) {
    MethodModel method = method(service, member.method());
    AnnotationMirror endpoint = member.web(LifecycleMember.WEB_ENDPOINT);
    if (endpoint != null) {
      Map<String, Object> values = AnnotationValues.withDefaults(elements, endpoint);
      String httpMethod =
          HttpMethods.normalise(stringValue(values, "method")).orElse(UNCOMPUTED_HTTP_METHOD);
      return WebMethodModel.endpoint(method, httpMethod, stringValue(values, "path"));
    }
    AnnotationMirror webServer = member.web(LifecycleMember.WEB_SERVER);
    if (webServer != null) {
      Map<String, Object> values = AnnotationValues.withDefaults(elements, webServer);
      return WebMethodModel.server(
          method, intValue(values, "port"), intValue(values, "startupTimeoutSeconds"));
    }
    return WebMethodModel.app(method);
  }

  private static int intValue(Map<String, Object> values, String attribute) {
    return values.get(attribute) instanceof Integer number ? number : UNCOMPUTED_INT;
  }

  private static String stringValue(Map<String, Object> values, String attribute) {
    return values.get(attribute) instanceof String text ? text : UNCOMPUTED_STRING;
  }

  private MethodModel method(TypeElement service, ExecutableElement method) {
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
        TypeName.get(types.erasure(returnType)));
  }
}
