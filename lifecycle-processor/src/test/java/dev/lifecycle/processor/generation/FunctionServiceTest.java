package dev.lifecycle.processor.generation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.lifecycle.processor.testing.CompiledClasses;
import dev.lifecycle.runtime.internal.Dispatchers;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @FunctionService}: a class used as a function, its {@code apply} the one entry point. */
class FunctionServiceTest {

  @Test
  void applyIsTheEntryPointBetweenEnterAndExitHooks() throws Throwable {
    JavaFileObject counter =
        source(
            "com.example.WordCounter",
            """
            package com.example;

            import dev.lifecycle.*;
            import dev.lifecycle.processor.generation.Events;
            import java.util.function.Function;

            @FunctionService(maxConcurrentInputs = 2)
            public class WordCounter implements Function<String, Integer> {
              private int processed;

              @Enter
              void start() { Events.record("start"); }

              @Override
              public Integer apply(String text) {
                processed++;
                return text.split(" ").length;
              }

              @Exit
              void report() { Events.record("processed " + processed); }
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).succeededWithoutWarnings();
    @SuppressWarnings("unchecked")
    ServiceDispatcher<Object> dispatcher =
        (ServiceDispatcher<Object>)
            Dispatchers.of(new CompiledClasses(compilation).load("com.example.WordCounter"));
    Object service = dispatcher.newInstance();
    Events.takeAll();

    dispatcher.enterAfterSnapshot(service);
    Object first = dispatcher.invoke(service, "apply", new Object[] {"one two three"});
    Object second = dispatcher.invoke(service, "apply", new Object[] {"four"});
    dispatcher.exit(service);

    assertThat(first).isEqualTo(3);
    assertThat(second).isEqualTo(1);
    assertThat(Events.takeAll()).containsExactly("start", "processed 2");
    assertThat(dispatcher.descriptor().options().maxConcurrentInputs()).isEqualTo(2);
    assertThat(dispatcher.descriptor().methods())
        .extracting(MethodDescriptor::signature)
        .containsExactly("apply(java.lang.String text)");
  }

  @Test
  void functionServiceMustImplementFunction() {
    JavaFileObject service =
        source(
            "com.example.NotAFunction",
            """
            package com.example;

            import dev.lifecycle.*;

            @FunctionService
            public class NotAFunction {
              public Integer apply(String text) { return 1; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC128] @FunctionService class com.example.NotAFunction does not implement"
                + " java.util.function.Function, whose apply method is the entry point the"
                + " container calls for each input. Implement Function<I, O>, or use @Service with"
                + " @Method entry points.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void functionServiceHasNoMethodAnnotations() {
    JavaFileObject service =
        source(
            "com.example.Both",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.function.Function;

            @FunctionService
            public class Both implements Function<String, String> {
              public String apply(String text) { return text; }

              @Method
              String other() { return ""; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC129] Method Both.other() is annotated @Method, but @FunctionService class"
                + " com.example.Both has one entry point, its apply method. Remove @Method, or make"
                + " the class a @Service.")
        .inFile(service)
        .onLine(11);
  }

  @Test
  void classIsEitherServiceOrFunctionService() {
    JavaFileObject service =
        source(
            "com.example.Twice",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.function.Function;

            @Service
            @FunctionService
            public class Twice implements Function<String, String> {
              public String apply(String text) { return text; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC131] Class com.example.Twice is annotated both @Service and @FunctionService.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void functionServiceObeysTheServiceClassRules() {
    JavaFileObject service =
        source(
            "com.example.Abstract",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.function.Function;

            @FunctionService
            public abstract class Abstract implements Function<String, String> {
              @Enter
              void load(String path) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[LC121] @FunctionService class com.example.Abstract is abstract")
        .inFile(service)
        .onLine(7);
    assertThat(compilation)
        .hadErrorContaining("[LC101] @Enter method Abstract.load(String) takes parameters")
        .inFile(service)
        .onLine(9);
  }
}
