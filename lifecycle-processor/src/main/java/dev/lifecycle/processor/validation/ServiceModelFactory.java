package dev.lifecycle.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.lifecycle.processor.model.HookKind;
import dev.lifecycle.processor.model.HookModel;
import dev.lifecycle.processor.model.MethodModel;
import dev.lifecycle.processor.model.OptionsModel;
import dev.lifecycle.processor.model.ParameterModel;
import dev.lifecycle.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Turns a validated service and its members into the immutable model the generator reads. */
final class ServiceModelFactory {

  /** The generated class is the service's flattened name plus this; the runtime looks it up so. */
  static final String DISPATCHER_SUFFIX = "_Lifecycle";

  private final Types types;

  ServiceModelFactory(Types types) {
    this.types = types;
  }

  /**
   * @param members the service's hooks and methods, top-down, as {@link ServiceHierarchy} gives
   * @param entryPoints the methods callers reach by name, in the order to describe them
   */
  ServiceModel create(
      TypeElement service,
      boolean memorySnapshotEnabled,
      OptionsModel options,
      List<LifecycleMember> members,
      List<ExecutableElement> entryPoints) {
    ClassName serviceClass = ClassName.get(service);
    return new ServiceModel(
        serviceClass,
        dispatcherName(serviceClass),
        memorySnapshotEnabled,
        options,
        hooksInRunOrder(members),
        entryPoints.stream().map(method -> method(service, method)).toList());
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
