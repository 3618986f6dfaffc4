package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Batched} methods: a {@code @Method} (LC175) and nothing else (LC176), one {@code
 * List<T>} parameter (LC177), a {@code List<R>} result (LC178), options in range (LC179).
 */
class BatchedRulesTest {

  @Test
  void aWellFormedBatchedMethodCompilesWithoutAWord() {
    JavaFileObject service =
        source(
            "com.example.Labels",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Labels {
              @Method
              @Batched(maxBatchSize = 32, waitMillis = 0)
              public List<Integer> lengths(List<String> texts) {
                return texts.stream().map(String::length).toList();
              }
            }
            """);

    assertThat(compile(service)).succeededWithoutWarnings();
  }

  @Test
  void everyMisuseIsAnErrorOnItsElement() {
    JavaFileObject service =
        source(
            "com.example.Bad",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Bad {
              @Batched(maxBatchSize = 2, waitMillis = 1)
              public List<String> notAMethod(List<String> texts) { return texts; }

              @Method
              @Batched(maxBatchSize = 2, waitMillis = 1)
              public List<String> two(List<String> texts, int n) { return texts; }

              @Method
              @Batched(maxBatchSize = 2, waitMillis = 1)
              public String one(List<String> texts) { return ""; }

              @Method
              @Batched(maxBatchSize = 0, waitMillis = -1)
              public List<String> sizes(List<String> texts) { return texts; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation)
        .hadErrorContaining("[LC175] @Batched on Bad.notAMethod(List<String>) needs @Method")
        .inFile(service)
        .onLine(8);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC177] @Batched method Bad.two(List<String>, int) takes (List<String>, int), but a"
                + " batched method takes one List<T> of its callers' inputs.")
        .inFile(service)
        .onLine(13);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC178] @Batched method Bad.one(List<String>) returns String, but a batched method"
                + " returns one result per input, in order, as a List<R>.")
        .inFile(service)
        .onLine(17);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC179] @Batched(maxBatchSize = 0) on Bad.sizes(List<String>) is out of range: it"
                + " must be between 1 and 100000.")
        .inFile(service)
        .onLine(20);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC179] @Batched(waitMillis = -1) on Bad.sizes(List<String>) is out of range: it must"
                + " be between 0 and 3600000.")
        .inFile(service)
        .onLine(20);
  }

  @Test
  void aBatchedHookOrWebMethodIsAnError() {
    JavaFileObject service =
        source(
            "com.example.Mixed",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Mixed {
              @Method
              @WebEndpoint(path = "/shout")
              @Batched(maxBatchSize = 2, waitMillis = 1)
              public List<String> shout(List<String> texts) { return texts; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation)
        .hadErrorContaining(
            "[LC176] @Batched method Mixed.shout(List<String>) is also @WebEndpoint, but the"
                + " container calls a hook or serves a web request one at a time")
        .inFile(service)
        .onLine(10);
  }
}
