package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rule 1: {@code @Enter} and {@code @Exit} methods take no parameters, varargs included. */
class HookParameterRulesTest {

  @Test
  void enterMethodMustNotTakeParameters() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              void load(String path) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC101] @Enter method Model.load(String) takes parameters, but the container calls"
                + " lifecycle hooks with no arguments. Remove the parameters and load the"
                + " configuration inside the hook instead.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void exitMethodMustNotTakeParameters() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Exit
              void close(boolean force, int timeout) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC101] @Exit method Model.close(boolean, int) takes parameters, but the container"
                + " calls lifecycle hooks with no arguments. Remove the parameters and load the"
                + " configuration inside the hook instead.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void snapshotEnterMethodMustNotTakeParameters() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(enableMemorySnapshot = true)
            public class Model {
              @Enter(snap = true)
              void load(String path) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC101] @Enter(snap = true) method Model.load(String) takes parameters, but the"
                + " container calls lifecycle hooks with no arguments. Remove the parameters and"
                + " load the configuration inside the hook instead.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void enterMethodMustNotTakeVarargs() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              void load(String... paths) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC101] @Enter method Model.load(String...) takes parameters, but the container calls"
                + " lifecycle hooks with no arguments. Remove the parameters and load the"
                + " configuration inside the hook instead.")
        .inFile(service)
        .onLine(8);
  }
}
