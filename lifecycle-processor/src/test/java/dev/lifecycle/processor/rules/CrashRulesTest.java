package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 10: a crash inside the processor becomes a compile error with its stack trace (LC900), on
 * the element being processed, never a javac crash.
 *
 * <p>The processor's own code has no known crash, so these tests make it crash the way a real
 * build can: with a {@code dev.lifecycle} annotation of another shape than the one the processor
 * was built against (version skew between lifecycle-annotations and lifecycle-processor). A
 * source of the annotation shadows the one on the classpath.
 */
class CrashRulesTest {

  private static final String CRASH_TEXT =
      " This is a bug in Lifecycle, not in your code; please report it with this stack trace:";

  @Test
  void crashWhileValidatingAMethodBecomesACompileErrorOnTheMethod() {
    // snap() is a String, where the processor reads a boolean: a ClassCastException.
    JavaFileObject skewedEnter =
        source(
            "dev.lifecycle.Enter",
            """
            package dev.lifecycle;

            import java.lang.annotation.*;

            @Retention(RetentionPolicy.RUNTIME)
            @Target(ElementType.METHOD)
            public @interface Enter {
              String snap() default "";
            }
            """);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter(snap = "yes")
              void load() {}
            }
            """);

    Compilation compilation = compile(skewedEnter, service);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[LC900] The Lifecycle annotation processor failed on Model.load()." + CRASH_TEXT)
        .inFile(service)
        .onLine(8);
    assertThat(compilation)
        .hadErrorContaining("java.lang.ClassCastException")
        .inFile(service)
        .onLine(8);
    assertThat(compilation)
        .hadErrorContaining("at dev.lifecycle.processor.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void crashWhileValidatingAServiceBecomesACompileErrorOnTheService() {
    // An old @Service without the runtime options: no value to read for them.
    JavaFileObject skewedService =
        source(
            "dev.lifecycle.Service",
            """
            package dev.lifecycle;

            import java.lang.annotation.*;

            @Retention(RetentionPolicy.RUNTIME)
            @Target(ElementType.TYPE)
            public @interface Service {
              boolean enableMemorySnapshot() default false;
            }
            """);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              void load() {}
            }
            """);

    Compilation compilation = compile(skewedService, service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC900] The Lifecycle annotation processor failed on com.example.Model." + CRASH_TEXT)
        .inFile(service)
        .onLine(6);
    assertThat(compilation)
        .hadErrorContaining("java.lang.NullPointerException")
        .inFile(service)
        .onLine(6);
  }
}
