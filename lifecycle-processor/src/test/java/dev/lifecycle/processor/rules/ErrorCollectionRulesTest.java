package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** All errors of a class are reported in one compile: validation does not stop at the first. */
class ErrorCollectionRulesTest {

  @Test
  void allErrorsOfAServiceAreReportedInOneCompile() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              Model(String config) {}

              @Enter
              void load(String path) {}

              @Method
              private String predict(String input) {
                return input;
              }

              @Exit
              int close() {
                return 0;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining("[LC125] @Service class com.example.Model has no non-private constructor")
        .inFile(service)
        .onLine(6);
    assertThat(compilation)
        .hadErrorContaining("[LC101] @Enter method Model.load(String) takes parameters")
        .inFile(service)
        .onLine(10);
    assertThat(compilation)
        .hadErrorContaining("[LC107] @Method method Model.predict(String) is private")
        .inFile(service)
        .onLine(13);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Exit method Model.close() returns int")
        .inFile(service)
        .onLine(18);
  }

  @Test
  void allErrorsOfOneMethodAreReportedInOneCompile() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              private static String load(String path) {
                return path;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("[LC101]").inFile(service).onLine(8);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Enter method Model.load(String) returns String")
        .inFile(service)
        .onLine(8);
    assertThat(compilation).hadErrorContaining("[LC107]").inFile(service).onLine(8);
    assertThat(compilation).hadErrorContaining("[LC108]").inFile(service).onLine(8);
  }
}
