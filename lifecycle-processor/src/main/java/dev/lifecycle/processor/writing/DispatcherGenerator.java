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
import dev.lifecycle.processor.model.ServiceParameterModel;
import dev.lifecycle.processor.model.WebMethodModel;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.spi.Arguments;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor;
import dev.lifecycle.runtime.spi.ServiceParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Generates the dispatcher of one service: a class that creates the service, calls a hook by
 * index, a method by name and a web method by index through {@code switch}es, sets a parameter
 * field by name, and holds the service's descriptor.
 */
public final class DispatcherGenerator {

  private static final ClassName SERVICE_DISPATCHER = ClassName.get(ServiceDispatcher.class);
  private static final ClassName ARGUMENTS = ClassName.get(Arguments.class);
  private static final ClassName UNKNOWN_METHOD = ClassName.get(UnknownMethodException.class);

  private static final ClassName SERVICE_PARAMETERS = ClassName.get(ServiceParameters.class);
  private static final Map<ServiceParameterDescriptor.Kind, String> CONVERTERS =
      Map.of(
          ServiceParameterDescriptor.Kind.BOOLEAN, "toBoolean",
          ServiceParameterDescriptor.Kind.CHAR, "toChar",
          ServiceParameterDescriptor.Kind.BYTE, "toByte",
          ServiceParameterDescriptor.Kind.SHORT, "toShort",
          ServiceParameterDescriptor.Kind.INT, "toInt",
          ServiceParameterDescriptor.Kind.LONG, "toLong",
          ServiceParameterDescriptor.Kind.FLOAT, "toFloat",
          ServiceParameterDescriptor.Kind.DOUBLE, "toDouble");

  private static final String DESCRIPTOR = "DESCRIPTOR";

  /** The dispatcher's type, without {@code @Generated}: {@link SourceWriter} adds it. */
  public TypeSpec generate(ServiceModel service) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(service.dispatcherClass())
            .addJavadoc(
                "Calls the hooks and methods of {@link $T} without reflection.\n",
                service.serviceClass())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(
                ParameterizedTypeName.get(SERVICE_DISPATCHER, service.serviceClass()))
            .addField(descriptorField(service))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
            .addMethod(descriptorMethod())
            .addMethod(newInstanceMethod(service))
            .addMethod(callHookMethod(service))
            .addMethod(invokeMethod(service));
    // Without web methods the interface's default, which reports any index as out of range, is
    // exactly right; leaving it out keeps those dispatchers as short as they were.
    if (!service.webMethods().isEmpty()) {
      type.addMethod(callWebMethod(service));
    }
    // Likewise without parameters: the interface's default refuses every name.
    if (!service.parameters().isEmpty()) {
      type.addMethod(setParameterMethod(service));
    }
    return type.build();
  }

  private static FieldSpec descriptorField(ServiceModel service) {
    return FieldSpec.builder(DescriptorInitializer.SERVICE_DESCRIPTOR, DESCRIPTOR)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(DescriptorInitializer.of(service))
        .build();
  }

  private static MethodSpec descriptorMethod() {
    return MethodSpec.methodBuilder("descriptor")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(DescriptorInitializer.SERVICE_DESCRIPTOR)
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

  /**
   * Assigns the field the name stands for, the value converted by {@code ServiceParameters}, which
   * names the service, the parameter and what it takes when the value does not convert.
   */
  private static MethodSpec setParameterMethod(ServiceModel service) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("setParameter")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(service.serviceClass(), "service")
            .addParameter(String.class, "name")
            .addParameter(String.class, "value")
            .beginControlFlow("switch (name)");
    for (int i = 0; i < service.parameters().size(); i++) {
      ServiceParameterModel parameter = service.parameters().get(i);
      method
          .addCode("case $S:\n$>", parameter.name())
          .addStatement("service.$N = $L", parameter.name(), conversion(parameter, i))
          .addStatement("return")
          .addCode("$<");
    }
    return method
        .addCode("default:\n$>")
        .addStatement("throw $T.unknown($N, name)", SERVICE_PARAMETERS, DESCRIPTOR)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static CodeBlock conversion(ServiceParameterModel parameter, int index) {
    return switch (parameter.kind()) {
      case STRING -> CodeBlock.of("value");
      case ENUM ->
          CodeBlock.of(
              "$T.toEnum($N, $L, $T.class, value)",
              SERVICE_PARAMETERS,
              DESCRIPTOR,
              index,
              parameter.type());
      default ->
          CodeBlock.of(
              "$T.$L($N, $L, value)",
              SERVICE_PARAMETERS,
              CONVERTERS.get(parameter.kind()),
              DESCRIPTOR,
              index);
    };
  }

  private static MethodSpec invokeMethod(ServiceModel service) {
    MethodSpec.Builder method =
        callerSignature("invoke", service, service.methods())
            .addParameter(String.class, "method")
            .addParameter(Object[].class, "args");
    if (service.methods().isEmpty()) {
      return method.addStatement("throw new $T($N, method)", UNKNOWN_METHOD, DESCRIPTOR).build();
    }
    method.beginControlFlow("switch (method)");
    for (int i = 0; i < service.methods().size(); i++) {
      MethodModel callable = service.methods().get(i);
      method.beginControlFlow("case $S:", callable.name());
      addCheckedCall(method, callable, CodeBlock.of("$N.methods().get($L)", DESCRIPTOR, i));
      method.endControlFlow();
    }
    return method
        .addCode("default:\n$>")
        .addStatement("throw new $T($N, method)", UNKNOWN_METHOD, DESCRIPTOR)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  /** As {@link #invokeMethod}, by the web method's index, which is its position in the model. */
  private static MethodSpec callWebMethod(ServiceModel service) {
    List<MethodModel> targets = service.webMethods().stream().map(WebMethodModel::method).toList();
    MethodSpec.Builder method =
        callerSignature("callWeb", service, targets)
            .addParameter(int.class, "webIndex")
            .addParameter(Object[].class, "args")
            .beginControlFlow("switch (webIndex)");
    for (int i = 0; i < targets.size(); i++) {
      method.beginControlFlow("case $L:", i);
      addCheckedCall(
          method, targets.get(i), CodeBlock.of("$N.webMethods().get($L).method()", DESCRIPTOR, i));
      method.endControlFlow();
    }
    return method
        .addCode("default:\n$>")
        .addStatement(
            "throw new $T($S + webIndex + $S + $N.webMethods().size())",
            IndexOutOfBoundsException.class,
            "web method index ",
            " out of range 0 until ",
            DESCRIPTOR)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  /**
   * {@code public Object name(Service service, ...) throws Throwable}, the parameters after
   * {@code service} left to the caller; {@code @SuppressWarnings("unchecked")} when a call casts
   * to a generic type, which {@code Arguments.check} has checked as far as erasure allows.
   */
  private static MethodSpec.Builder callerSignature(
      String name, ServiceModel service, List<MethodModel> targets) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Object.class)
            .addParameter(service.serviceClass(), "service")
            .addException(Throwable.class);
    boolean unchecked =
        targets.stream()
            .flatMap(target -> target.parameters().stream())
            .anyMatch(ParameterModel::needsUncheckedCast);
    if (unchecked) {
      method.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
    }
    return method;
  }

  /**
   * Checks {@code args} against the {@code MethodDescriptor} that {@code descriptor} looks up, so a
   * wrong call fails with a message instead of a {@code ClassCastException}; then calls the method
   * and returns its result, or {@code null} for {@code void}.
   */
  private static void addCheckedCall(
      MethodSpec.Builder method, MethodModel target, CodeBlock descriptor) {
    CodeBlock check = CodeBlock.of("$T.check($N, $L, args)", ARGUMENTS, DESCRIPTOR, descriptor);
    if (target.parameters().isEmpty()) {
      method.addStatement("$L", check);
    } else {
      method.addStatement("$T[] checked = $L", Object.class, check);
    }
    CodeBlock call = CodeBlock.of("service.$N($L)", target.name(), arguments(target));
    if (target.returnsVoid()) {
      method.addStatement("$L", call).addStatement("return null");
    } else {
      method.addStatement("return $L", call);
    }
  }

  private static CodeBlock arguments(MethodModel target) {
    return CodeBlock.join(
        IntStream.range(0, target.parameters().size())
            .mapToObj(i -> CodeBlock.of("($T) checked[$L]", target.parameters().get(i).type(), i))
            .toList(),
        ", ");
  }
}
