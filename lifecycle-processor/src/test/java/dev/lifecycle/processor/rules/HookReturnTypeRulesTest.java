package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 2: {@code @Enter} and {@code @Exit} methods are synchronous and return {@code void}. An
 * asynchronous return type (a {@code Future}, {@code CompletionStage} or {@code Flow.Publisher},
 * or a subtype) gets its own message, LC102; any other, LC103.
 */
class HookReturnTypeRulesTest {

  private static final String ASYNC_TAIL =
      ": lifecycle hooks are synchronous, and the container would not wait for the asynchronous"
          + " work to finish. Wait for the work inside the hook (for example with join() or get())"
          + " and declare the method void.";

  private static final String VALUE_TAIL =
      ", but lifecycle hooks must return void: the container would discard the value. Declare it"
          + " void, and keep what it builds in a field.";

  @Test
  void enterMethodMustNotReturnACompletableFuture() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.concurrent.CompletableFuture;

            @Service
            public class Model {
              @Enter
              CompletableFuture<Void> load() {
                return CompletableFuture.completedFuture(null);
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC102] @Enter method Model.load() returns CompletableFuture<Void>" + ASYNC_TAIL)
        .inFile(service)
        .onLine(9);
  }

  @Test
  void enterMethodMustNotReturnASubtypeOfFuture() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.concurrent.FutureTask;

            @Service
            public class Model {
              @Enter
              FutureTask<String> load() {
                return new FutureTask<>(() -> "loaded");
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC102] @Enter method Model.load() returns FutureTask<String>" + ASYNC_TAIL)
        .inFile(service)
        .onLine(9);
  }

  @Test
  void exitMethodMustNotReturnACompletionStage() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;

            @Service
            public class Model {
              @Exit
              CompletionStage<Void> close() {
                return CompletableFuture.completedFuture(null);
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC102] @Exit method Model.close() returns CompletionStage<Void>" + ASYNC_TAIL)
        .inFile(service)
        .onLine(10);
  }

  @Test
  void enterMethodMustNotReturnAFlowPublisher() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.concurrent.Flow;

            @Service
            public class Model {
              @Enter
              Flow.Publisher<String> load() {
                return subscriber -> {};
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC102] @Enter method Model.load() returns Flow.Publisher<String>" + ASYNC_TAIL)
        .inFile(service)
        .onLine(9);
  }

  @Test
  void enterMethodMustReturnVoid() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              int load() {
                return 42;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Enter method Model.load() returns int" + VALUE_TAIL)
        .inFile(service)
        .onLine(8);
  }

  @Test
  void exitMethodMustReturnVoid() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Exit
              String close() {
                return "closed";
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Exit method Model.close() returns String" + VALUE_TAIL)
        .inFile(service)
        .onLine(8);
  }
}
