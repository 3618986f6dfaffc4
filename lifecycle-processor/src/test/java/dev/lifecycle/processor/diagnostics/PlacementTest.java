package dev.lifecycle.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.compileWithClasspath;
import static dev.lifecycle.processor.testing.Compilations.source;
import static dev.lifecycle.processor.testing.PrecompiledClasses.compileWithoutProcessor;
import static dev.lifecycle.processor.testing.PrecompiledClasses.writeJar;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placement decision of {@link ValidationReport.Builder#about}: a finding about a member goes
 * on the member where it is in source, else on the service that inherits it, whose message names
 * the member; a finding on a value goes on the value, or where the member's findings go.
 */
class PlacementTest {

  private static final JavaFileObject SERVICE =
      source(
          "com.example.Api",
          """
          package com.example;

          @dev.lifecycle.Service
          public class Api extends com.example.base.Base {}
          """);

  private static final JavaFileObject BASE =
      source(
          "com.example.base.Base",
          """
          package com.example.base;

          import dev.lifecycle.*;

          public abstract class Base {
            @Exit
            public int close() { return 0; }

            @WebEndpoint(
                path = "/health",
                method = "FETCH")
            public String health() { return "ok"; }
          }
          """);

  @Test
  void findingsAboutAMemberInSourceGoOnTheMemberAndItsValue() {
    Compilation compilation = compile(BASE, SERVICE);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Exit method Base.close() returns int")
        .inFile(BASE)
        .onLine(7);
    assertThat(compilation)
        .hadErrorContaining("[LC164] @WebEndpoint(method = \"FETCH\") on Base.health()")
        .inFile(BASE)
        .onLine(11);
  }

  @Test
  void findingsAboutAMemberCompiledEarlierGoOnTheServiceAndNameTheMember(
      @TempDir Path classes) {
    Path jar = writeJar(compileWithoutProcessor(BASE), classes);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), SERVICE);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Exit method Base.close() returns int")
        .inFile(SERVICE)
        .onLine(4);
    assertThat(compilation)
        .hadErrorContaining("[LC164] @WebEndpoint(method = \"FETCH\") on Base.health()")
        .inFile(SERVICE)
        .onLine(4);
  }
}
