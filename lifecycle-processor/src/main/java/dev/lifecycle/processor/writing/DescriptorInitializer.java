package dev.lifecycle.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.lifecycle.processor.model.HookModel;
import dev.lifecycle.processor.model.MethodModel;
import dev.lifecycle.processor.model.ParameterModel;
import dev.lifecycle.processor.model.ServerModel;
import dev.lifecycle.processor.model.ServiceModel;
import dev.lifecycle.processor.model.ServiceParameterModel;
import dev.lifecycle.processor.model.WebMethodModel;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.Batching;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ParameterDescriptor;
import dev.lifecycle.runtime.spi.ServerDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceOptions;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The expression that builds a dispatcher's {@code ServiceDescriptor}: one argument per line, one
 * list element per line, so that a generated file reads like the service it describes.
 */
final class DescriptorInitializer {

  static final ClassName SERVICE_DESCRIPTOR = ClassName.get(ServiceDescriptor.class);
  private static final ClassName HOOK_DESCRIPTOR = ClassName.get(HookDescriptor.class);
  private static final ClassName HOOK_PHASE = ClassName.get(HookPhase.class);
  private static final ClassName SERVICE_OPTIONS = ClassName.get(ServiceOptions.class);
  private static final ClassName METHOD_DESCRIPTOR = ClassName.get(MethodDescriptor.class);
  private static final ClassName BATCHING = ClassName.get(Batching.class);
  private static final ClassName PARAMETER_DESCRIPTOR = ClassName.get(ParameterDescriptor.class);
  private static final ClassName SERVER_DESCRIPTOR = ClassName.get(ServerDescriptor.class);
  private static final ClassName WEB_METHOD_DESCRIPTOR = ClassName.get(WebMethodDescriptor.class);
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName SERVICE_PARAMETER_DESCRIPTOR =
      ClassName.get(ServiceParameterDescriptor.class);
  private static final ClassName PARAMETER_KIND =
      ClassName.get(ServiceParameterDescriptor.Kind.class);

  private DescriptorInitializer() {}

  /**
   * A service that serves no HTTP and has no parameters gets the five-argument constructor, so that
   * the many dispatchers without web methods do not carry a {@code null} and an empty list they
   * have no use for; one without parameters does not carry an empty list of them.
   */
  static CodeBlock of(ServiceModel service) {
    CodeBlock.Builder arguments =
        CodeBlock.builder()
            .add("$T.class,\n", service.serviceClass())
            .add("$L,\n", service.memorySnapshotEnabled())
            .add(
                "new $T($L, $T.ofSeconds($L), $T.ofSeconds($L)),\n",
                SERVICE_OPTIONS,
                service.options().maxConcurrentInputs(),
                Duration.class,
                service.options().inputTimeoutSeconds(),
                Duration.class,
                service.options().exitGracePeriodSeconds())
            .add("$L,\n", list(hooks(service.hooks())))
            .add("$L", list(service.methods().stream().map(DescriptorInitializer::method).toList()));
    if (service.servesHttp() || !service.parameters().isEmpty()) {
      arguments
          .add(",\n$L,\n", server(service.server()))
          .add("$L", list(webMethods(service.webMethods())));
    }
    if (!service.parameters().isEmpty()) {
      arguments.add(",\n$L", list(parameters(service.parameters())));
    }
    return CodeBlock.of("new $T(\n$>$>$L$<$<)", SERVICE_DESCRIPTOR, arguments.build());
  }

  /** The enum constants' names only for enums, whose values they are. */
  private static List<CodeBlock> parameters(List<ServiceParameterModel> parameters) {
    return IntStream.range(0, parameters.size())
        .mapToObj(
            i -> {
              ServiceParameterModel parameter = parameters.get(i);
              CodeBlock common =
                  CodeBlock.of(
                      "$L, $S, $T.$L, $S, $L, $S",
                      i,
                      parameter.name(),
                      PARAMETER_KIND,
                      parameter.kind().name(),
                      parameter.typeName(),
                      parameter.required(),
                      parameter.declaringClass());
              if (parameter.constants().isEmpty()) {
                return CodeBlock.of("new $T($L)", SERVICE_PARAMETER_DESCRIPTOR, common);
              }
              return CodeBlock.of(
                  "new $T($L,\n$>$>$T.of($L)$<$<)",
                  SERVICE_PARAMETER_DESCRIPTOR,
                  common,
                  LIST,
                  CodeBlock.join(
                      parameter.constants().stream().map(c -> CodeBlock.of("$S", c)).toList(),
                      ", "));
            })
        .toList();
  }

  private static List<CodeBlock> hooks(List<HookModel> hooks) {
    return IntStream.range(0, hooks.size())
        .mapToObj(
            i ->
                CodeBlock.of(
                    "new $T($L, $T.$L, $S, $S)",
                    HOOK_DESCRIPTOR,
                    i,
                    HOOK_PHASE,
                    hooks.get(i).kind().name(),
                    hooks.get(i).declaringClass(),
                    hooks.get(i).methodName()))
        .toList();
  }

  /** {@code null} for a service, as {@code ServiceDescriptor} has it. */
  private static CodeBlock server(Optional<ServerModel> server) {
    return server
        .map(
            model ->
                CodeBlock.of(
                    "new $T($L, $T.ofSeconds($L))",
                    SERVER_DESCRIPTOR,
                    model.port(),
                    Duration.class,
                    model.startupTimeoutSeconds()))
        .orElse(CodeBlock.of("null"));
  }

  /** Each through the factory of its kind, which says at a glance what it is. */
  private static List<CodeBlock> webMethods(List<WebMethodModel> webMethods) {
    return IntStream.range(0, webMethods.size())
        .mapToObj(i -> webMethod(i, webMethods.get(i)))
        .toList();
  }

  private static CodeBlock webMethod(int index, WebMethodModel web) {
    CodeBlock method = method(web.method());
    return switch (web.kind()) {
      case ENDPOINT ->
          CodeBlock.of(
              "$T.endpoint(\n$>$>$L,\n$L,\n$S,\n$S$<$<)",
              WEB_METHOD_DESCRIPTOR,
              index,
              method,
              web.httpMethod(),
              web.path());
      case APP -> CodeBlock.of("$T.app(\n$>$>$L,\n$L$<$<)", WEB_METHOD_DESCRIPTOR, index, method);
      case SERVER ->
          CodeBlock.of(
              "$T.server(\n$>$>$L,\n$L,\n$L,\n$T.ofSeconds($L)$<$<)",
              WEB_METHOD_DESCRIPTOR,
              index,
              method,
              web.port(),
              Duration.class,
              web.startupTimeoutSeconds());
    };
  }

  /**
   * A method that declares no exceptions gets the four-argument constructor, a batched one the
   * constructor with its batching.
   */
  private static CodeBlock method(MethodModel method) {
    List<CodeBlock> parameters =
        method.parameters().stream().map(DescriptorInitializer::parameter).toList();
    if (method.batching().isPresent()) {
      MethodModel.BatchingModel batching = method.batching().get();
      return CodeBlock.of(
          "new $T(\n$>$>$S,\n$L,\n$T.class,\n$S,\n$L,\n$T.of(new $T($L, $T.ofMillis($LL),\n$L,\n$T.class, $S))$<$<)",
          METHOD_DESCRIPTOR,
          method.name(),
          list(parameters),
          method.returnErasure(),
          method.returnType().toString(),
          list(method.thrownErasures().stream().map(t -> CodeBlock.of("$T.class", t)).toList()),
          Optional.class,
          BATCHING,
          batching.maxBatchSize(),
          Duration.class,
          batching.waitMillis(),
          parameter(batching.input()),
          batching.outputErasure(),
          batching.output().toString());
    }
    if (method.thrownErasures().isEmpty()) {
      return CodeBlock.of(
          "new $T(\n$>$>$S,\n$L,\n$T.class,\n$S$<$<)",
          METHOD_DESCRIPTOR,
          method.name(),
          list(parameters),
          method.returnErasure(),
          method.returnType().toString());
    }
    List<CodeBlock> thrown =
        method.thrownErasures().stream().map(t -> CodeBlock.of("$T.class", t)).toList();
    return CodeBlock.of(
        "new $T(\n$>$>$S,\n$L,\n$T.class,\n$S,\n$L$<$<)",
        METHOD_DESCRIPTOR,
        method.name(),
        list(parameters),
        method.returnErasure(),
        method.returnType().toString(),
        list(thrown));
  }

  private static CodeBlock parameter(ParameterModel parameter) {
    return CodeBlock.of(
        "new $T($S, $T.class, $S)",
        PARAMETER_DESCRIPTOR,
        parameter.name(),
        parameter.erasure(),
        parameter.type().toString());
  }

  /** {@code List.of()}, or {@code List.of(} with each element on a line of its own. */
  private static CodeBlock list(List<CodeBlock> elements) {
    CodeBlock.Builder joined = CodeBlock.builder();
    for (int i = 0; i < elements.size(); i++) {
      joined.add("$L\n$L", i == 0 ? "" : ",", elements.get(i));
    }
    return CodeBlock.of("$T.of($>$L$<)", LIST, joined.build());
  }
}
