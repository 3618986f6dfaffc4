package dev.lifecycle.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.lifecycle.processor.model.HookModel;
import dev.lifecycle.processor.model.MethodModel;
import dev.lifecycle.processor.model.ParameterModel;
import dev.lifecycle.processor.model.ServiceModel;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Generates the dispatcher of one service: a class that creates the service, calls a hook by
 * index and a method by name through {@code switch}es, and holds the service's descriptor.
 */
public final class DispatcherGenerator {

  private static final String SPI = "dev.lifecycle.runtime.spi";
  private static final ClassName SERVICE_DISPATCHER = ClassName.get(SPI, "ServiceDispatcher");
  private static final ClassName SERVICE_DESCRIPTOR = ClassName.get(SPI, "ServiceDescriptor");
  private static final ClassName HOOK_DESCRIPTOR = ClassName.get(SPI, "HookDescriptor");
  private static final ClassName HOOK_PHASE = ClassName.get(SPI, "HookPhase");
  private static final ClassName SERVICE_OPTIONS = ClassName.get(SPI, "ServiceOptions");
  private static final ClassName METHOD_DESCRIPTOR = ClassName.get(SPI, "MethodDescriptor");
  private static final ClassName PARAMETER_DESCRIPTOR = ClassName.get(SPI, "ParameterDescriptor");
  private static final ClassName ARGUMENTS = ClassName.get(SPI, "Arguments");
  private static final ClassName UNKNOWN_METHOD = ClassName.get(SPI, "UnknownMethodException");
  private static final ClassName LIST = ClassName.get(List.class);

  private static final String DESCRIPTOR = "DESCRIPTOR";

  /** The dispatcher's type, without {@code @Generated}: {@link SourceWriter} adds it. */
  public TypeSpec generate(ServiceModel service) {
    return TypeSpec.classBuilder(service.dispatcherClass())
        .addJavadoc("Calls the hooks and methods of {@link $T} without reflection.\n", service.serviceClass())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(SERVICE_DISPATCHER, service.serviceClass()))
        .addField(descriptorField(service))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
        .addMethod(descriptorMethod())
        .addMethod(newInstanceMethod(service))
        .addMethod(callHookMethod(service))
        .addMethod(invokeMethod(service))
        .build();
  }

  private static FieldSpec descriptorField(ServiceModel service) {
    CodeBlock.Builder hooks = CodeBlock.builder();
    for (int i = 0; i < service.hooks().size(); i++) {
      HookModel hook = service.hooks().get(i);
      hooks.add(
          "$L\nnew $T($L, $T.$L, $S, $S)",
          i == 0 ? "" : ",",
          HOOK_DESCRIPTOR,
          i,
          HOOK_PHASE,
          hook.kind().name(),
          hook.declaringClass(),
          hook.methodName());
    }
    CodeBlock.Builder methods = CodeBlock.builder();
    for (int i = 0; i < service.methods().size(); i++) {
      methods.add("$L\n$L", i == 0 ? "" : ",", methodDescriptor(service.methods().get(i)));
    }
    return FieldSpec.builder(SERVICE_DESCRIPTOR, DESCRIPTOR)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(
            "new $T(\n$>$>$T.class,\n$L,\nnew $T($L, $T.ofSeconds($L), $T.ofSeconds($L)),"
                + "\n$T.of($>$L$<),\n$T.of($>$L$<)$<$<)",
            SERVICE_DESCRIPTOR,
            service.serviceClass(),
            service.memorySnapshotEnabled(),
            SERVICE_OPTIONS,
            service.options().maxConcurrentInputs(),
            Duration.class,
            service.options().inputTimeoutSeconds(),
            Duration.class,
            service.options().exitGracePeriodSeconds(),
            LIST,
            hooks.build(),
            LIST,
            methods.build())
        .build();
  }

  private static CodeBlock methodDescriptor(MethodModel method) {
    CodeBlock.Builder parameters = CodeBlock.builder();
    for (int i = 0; i < method.parameters().size(); i++) {
      ParameterModel parameter = method.parameters().get(i);
      parameters.add(
          "$L\nnew $T($S, $T.class, $S)",
          i == 0 ? "" : ",",
          PARAMETER_DESCRIPTOR,
          parameter.name(),
          parameter.erasure(),
          parameter.type().toString());
    }
    return CodeBlock.of(
        "new $T(\n$>$>$S,\n$T.of($>$L$<),\n$T.class,\n$S$<$<)",
        METHOD_DESCRIPTOR,
        method.name(),
        LIST,
        parameters.build(),
        method.returnErasure(),
        method.returnType().toString());
  }

  private static MethodSpec descriptorMethod() {
    return MethodSpec.methodBuilder("descriptor")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(SERVICE_DESCRIPTOR)
        .addStatement("return $N", DESCRIPTOR)
        .build();
  }

  private static MethodSpec newInstanceMethod(ServiceModel service) {
    return MethodSpec.methodBuilder("newInstance")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(service.serviceClass())
        .addStatement("return new $T()", service.serviceClass())
        .build();
  }

  private static MethodSpec callHookMethod(ServiceModel service) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("callHook")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(service.serviceClass(), "service")
            .addParameter(int.class, "hookIndex")
            .addException(Throwable.class)
            .beginControlFlow("switch (hookIndex)");
    for (int i = 0; i < service.hooks().size(); i++) {
      HookModel hook = service.hooks().get(i);
      method.addCode("case $L:\n$>", i)
          .addStatement("service.$N()", hook.methodName())
          .addStatement("return")
          .addCode("$<");
    }
    return method
        .addCode("default:\n$>")
        .addStatement(
            "throw new $T($S + hookIndex + $S + $N.hooks().size())",
            IndexOutOfBoundsException.class,
            "hook index ",
            " out of range 0 until ",
            DESCRIPTOR)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static MethodSpec invokeMethod(ServiceModel service) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("invoke")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Object.class)
            .addParameter(service.serviceClass(), "service")
            .addParameter(String.class, "method")
            .addParameter(Object[].class, "args")
            .addException(Throwable.class);
    boolean unchecked =
        service.methods().stream()
            .flatMap(callable -> callable.parameters().stream())
            .anyMatch(ParameterModel::needsUncheckedCast);
    if (unchecked) {
      method.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
    }
    if (service.methods().isEmpty()) {
      return method.addStatement("throw new $T($N, method)", UNKNOWN_METHOD, DESCRIPTOR).build();
    }
    method.beginControlFlow("switch (method)");
    for (int i = 0; i < service.methods().size(); i++) {
      MethodModel callable = service.methods().get(i);
      CodeBlock check =
          CodeBlock.of("$T.check($N, $N.methods().get($L), args)", ARGUMENTS, DESCRIPTOR, DESCRIPTOR, i);
      method.beginControlFlow("case $S:", callable.name());
      if (callable.parameters().isEmpty()) {
        method.addStatement("$L", check);
      } else {
        method.addStatement("$T[] checked = $L", Object.class, check);
      }
      CodeBlock call = CodeBlock.of("service.$N($L)", callable.name(), arguments(callable));
      if (callable.returnsVoid()) {
        method.addStatement("$L", call).addStatement("return null");
      } else {
        method.addStatement("return $L", call);
      }
      method.endControlFlow();
    }
    return method
        .addCode("default:\n$>")
        .addStatement("throw new $T($N, method)", UNKNOWN_METHOD, DESCRIPTOR)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static CodeBlock arguments(MethodModel callable) {
    return CodeBlock.join(
        IntStream.range(0, callable.parameters().size())
            .mapToObj(i -> CodeBlock.of("($T) checked[$L]", callable.parameters().get(i).type(), i))
            .toList(),
        ", ");
  }
}
