package dev.lifecycle.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.lifecycle.processor.model.MethodModel;
import dev.lifecycle.processor.model.ParameterModel;
import dev.lifecycle.processor.model.ServiceModel;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.ServiceCaller;
import dev.lifecycle.runtime.spi.ClientCalls;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Generates the typed client of one service: a class whose methods are the service's {@code
 * @Method}s, each in a blocking form with the method's own name, parameters, result and {@code
 * throws} clause, and an asynchronous form, {@code <name>Async}, returning a {@code
 * CompletableFuture}; both call through any {@link ServiceCaller}. A renamed or removed method is
 * then a compile error where it is called, not an unknown name at run time.
 */
public final class ClientGenerator {

  private static final ClassName SERVICE_CALLER = ClassName.get(ServiceCaller.class);
  private static final ClassName METHOD_FAILED = ClassName.get(MethodFailedException.class);
  private static final ClassName CLIENT_CALLS = ClassName.get(ClientCalls.class);
  private static final ClassName COMPLETABLE_FUTURE = ClassName.get(CompletableFuture.class);
  private static final String CALLER = "caller";

  /** {@code com.example.MLModelClient} for {@code com.example.MLModel}: the dispatcher's naming. */
  public static ClassName clientClass(ServiceModel service) {
    String dispatcher = service.dispatcherClass().simpleName();
    String flattened = dispatcher.substring(0, dispatcher.length() - "_Lifecycle".length());
    return ClassName.get(service.dispatcherClass().packageName(), flattened + "Client");
  }

  /** The client's type, without {@code @Generated}: {@link SourceWriter} adds it. */
  public TypeSpec generate(ServiceModel service) {
    ClassName client = clientClass(service);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(client)
            .addJavadoc(
                "Calls the {@code @Method}s of {@link $T} through a {@link $T}: an in-JVM\n"
                    + "{@code Container} or a {@code ContainerPool}, by the same rules as {@code"
                    + " call(\"name\", args...)}.\n"
                    + "<p>A blocking method throws what the service's method declares in its"
                    + " {@code throws} clause\nas itself; any other failure is a"
                    + " {@link $T} (or another exception of the\ncall), as for a string call."
                    + " An asynchronous method's future completes with what\n{@code"
                    + " callAsync} would.\n",
                service.serviceClass(), SERVICE_CALLER, METHOD_FAILED)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(FieldSpec.builder(SERVICE_CALLER, CALLER, Modifier.PRIVATE, Modifier.FINAL).build())
            .addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(SERVICE_CALLER, CALLER)
                .addStatement("this.$N = $N", CALLER, CALLER)
                .build())
            .addMethod(MethodSpec.methodBuilder("of")
                .addJavadoc("A client of the service that {@code caller} calls.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(client)
                .addParameter(SERVICE_CALLER, CALLER)
                .addStatement("return new $T($T.requireNonNull($N, $S))", client, Objects.class,
                    CALLER, CALLER)
                .build());
    for (MethodModel method : service.methods()) {
      type.addMethod(blocking(method)).addMethod(async(method));
    }
    return type.build();
  }

  private static MethodSpec blocking(MethodModel method) {
    MethodSpec.Builder spec = signature(method.name(), method, true)
        .returns(resultType(method));
    method.thrownErasures().forEach(spec::addException);
    CodeBlock call = CodeBlock.of("this.$N.call($S, $L)", CALLER, method.name(), arguments(method));
    if (method.thrownErasures().isEmpty()) {
      return spec.addStatement(returning(method, call)).build();
    }
    String failed = unusedName("failed", method);
    spec.beginControlFlow("try")
        .addStatement(returning(method, call))
        .nextControlFlow("catch ($T $N)", METHOD_FAILED, failed);
    for (TypeName thrown : method.thrownErasures()) {
      spec.addStatement("$T.rethrowIf($N, $T.class)", CLIENT_CALLS, failed, thrown);
    }
    return spec.addStatement("throw $N", failed).endControlFlow().build();
  }

  private static MethodSpec async(MethodModel method) {
    TypeName result = method.returnsVoid() ? ClassName.get(Void.class) : resultType(method).box();
    return signature(method.name() + "Async", method, false)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, result))
        .addStatement("return $T.typed(this.$N.callAsync($S, $L))", CLIENT_CALLS, CALLER,
            method.name(), arguments(method))
        .build();
  }

  /** {@code castsResult}: whether the body casts the call's result to the method's type. */
  private static MethodSpec.Builder signature(String name, MethodModel method, boolean castsResult) {
    MethodSpec.Builder spec = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC);
    for (ParameterModel parameter : callParameters(method)) {
      spec.addParameter(parameter.type(), parameter.name());
    }
    // As the service declares it: String... stays String..., for callers to pass names one by one.
    spec.varargs(method.varargs() && method.batching().isEmpty());
    TypeName erasure = method.batching().map(MethodModel.BatchingModel::outputErasure)
        .orElse(method.returnErasure());
    if (castsResult && !resultType(method).box().equals(erasure.box())) {
      // The caller returns what the method's declared type was decoded to, as an Object.
      spec.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked").build());
    }
    return spec;
  }

  /** What a caller passes: the parameters, or a batched method's one input. */
  private static List<ParameterModel> callParameters(MethodModel method) {
    return method.batching().map(batching -> List.of(batching.input())).orElse(method.parameters());
  }

  /** What a caller gets: the result, or a batched method's one result. */
  private static TypeName resultType(MethodModel method) {
    return method.batching().map(MethodModel.BatchingModel::output).orElse(method.returnType());
  }

  /** {@code new Object[] {a, b}}: explicit, so that an array argument is one argument. */
  private static CodeBlock arguments(MethodModel method) {
    CodeBlock.Builder args = CodeBlock.builder().add("new Object[] {");
    List<ParameterModel> parameters = callParameters(method);
    for (int i = 0; i < parameters.size(); i++) {
      args.add(i == 0 ? "$N" : ", $N", parameters.get(i).name());
    }
    return args.add("}").build();
  }

  /** {@code base}, or {@code base_}, {@code base__}...: a name no parameter of {@code method} has. */
  private static String unusedName(String base, MethodModel method) {
    String name = base;
    while (true) {
      String candidate = name;
      if (callParameters(method).stream().noneMatch(parameter -> parameter.name().equals(candidate))) {
        return name;
      }
      name += "_";
    }
  }

  private static CodeBlock returning(MethodModel method, CodeBlock call) {
    if (method.returnsVoid()) {
      return call;
    }
    return CodeBlock.of("return ($T) $L", resultType(method).box(), call);
  }
}
