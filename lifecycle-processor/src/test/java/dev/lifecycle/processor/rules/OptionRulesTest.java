package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The runtime options of {@code @Service} have minimums (LC127), reported on the value. */
class OptionRulesTest {

  @Test
  void maxConcurrentInputsMustBeAtLeastOne() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(
                enableMemorySnapshot = true,
                maxConcurrentInputs = 0)
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC127] @Service(maxConcurrentInputs = 0) on com.example.Model is out of range: it"
                + " must be at least 1.")
        .inFile(service)
        .onLine(7);
  }

  @Test
  void inputTimeoutSecondsMustBeAtLeastOne() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(
                inputTimeoutSeconds = 0,
                maxConcurrentInputs = 4)
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC127] @Service(inputTimeoutSeconds = 0) on com.example.Model is out of range: it"
                + " must be at least 1.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void exitGracePeriodSecondsMustNotBeNegative() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(
                exitGracePeriodSeconds = -1)
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC127] @Service(exitGracePeriodSeconds = -1) on com.example.Model is out of range: it"
                + " must be at least 0.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void optionsAtTheirMinimumsAreValid() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(maxConcurrentInputs = 1, inputTimeoutSeconds = 1, exitGracePeriodSeconds = 0)
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Model_Lifecycle");
  }
}
