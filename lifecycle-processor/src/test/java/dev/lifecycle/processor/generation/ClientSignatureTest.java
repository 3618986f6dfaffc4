package dev.lifecycle.processor.generation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.generatedSource;
import static dev.lifecycle.processor.testing.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The typed client's methods take what the service's methods take, varargs as varargs. */
class ClientSignatureTest {

  @Test
  void aVarargsMethodStaysVarargsInTheClient() {
    JavaFileObject service =
        source(
            "com.example.Joiner",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Joiner {
              @Method
              public String join(String separator, String... parts) {
                return String.join(separator, parts);
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "com.example.JoinerClient"))
        .contains("public String join(String separator, String... parts)")
        .contains("public CompletableFuture<String> joinAsync(String separator, String... parts)")
        .contains("new Object[] {separator, parts}");
  }
}
