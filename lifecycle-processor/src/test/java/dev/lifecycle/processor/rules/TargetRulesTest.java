package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 3: the lifecycle annotations apply to methods, never to classes. Their {@code @Target}
 * makes javac itself reject them on a class, on the annotation's line.
 */
class TargetRulesTest {

  /**
   * javac 17's text for compiler.err.annotation.type.not.applicable (later JDKs say "annotation
   * interface"; the build is on 17).
   */
  private static final String NOT_APPLICABLE =
      "annotation type not applicable to this kind of declaration";

  @Test
  void enterMustNotAnnotateAClass() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            @Enter
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(NOT_APPLICABLE).inFile(service).onLine(6);
  }

  @Test
  void exitMustNotAnnotateAClass() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            @Exit
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(NOT_APPLICABLE).inFile(service).onLine(6);
  }

  @Test
  void methodMustNotAnnotateAClass() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Method
            @Service
            public class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(NOT_APPLICABLE).inFile(service).onLine(5);
  }
}
