package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A {@code @Method} may not take a name its generated client has already (LC132). */
class ClientNameRulesTest {

  @Test
  void namesOfTheClientAndOfEveryObjectAreRefusedOnTheMethod() {
    JavaFileObject service =
        source(
            "com.example.Names",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Names {
              @Method
              public String predict(String text) { return text; }

              @Method
              public String predictAsync(String text) { return text; }

              @Method
              public String toString() { return "names"; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC132] @Method Names.predictAsync(String) of service com.example.Names cannot be a"
                + " method of the service's generated client, which gives that name to the"
                + " asynchronous form of @Method predict. Rename the method.")
        .inFile(service)
        .onLine(11);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC132] @Method Names.toString() of service com.example.Names cannot be a method of"
                + " the service's generated client, which has a method toString already, as every"
                + " client has.")
        .inFile(service)
        .onLine(14);
  }
}
