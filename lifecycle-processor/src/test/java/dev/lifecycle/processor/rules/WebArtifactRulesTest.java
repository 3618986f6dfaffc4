package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.compileWithout;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A service whose web methods the container serves over HTTP is compiled with lifecycle-web on
 * the class path (LC168), once per service, on its first such method; a {@code @WebServer} starts
 * a server of its own and needs nothing.
 */
class WebArtifactRulesTest {

  private static JavaFileObject api() {
    return source(
        "com.example.Api",
        """
        package com.example;

        import com.sun.net.httpserver.HttpHandler;
        import dev.lifecycle.*;

        @Service
        public class Api {
          @WebEndpoint(path = "/predict")
          public String predict(String text) { return text; }

          @WebApp
          public HttpHandler app() { return exchange -> exchange.close(); }
        }
        """);
  }

  @Test
  void webMethodsWithoutLifecycleWebAreAnErrorNamingTheDependency() {
    Compilation compilation = compileWithout("lifecycle-web", api());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC168] Service com.example.Api has @WebEndpoint method Api.predict(String), but"
                + " lifecycle-web is not on the class path of this compilation, so nothing would"
                + " serve it over HTTP. Add the dependency dev.lifecycle:lifecycle-web (the same"
                + " version as lifecycle-runtime).")
        .inFile(api())
        .onLine(8);
  }

  @Test
  void webMethodsWithLifecycleWebCompile() {
    assertThat(compile(api())).succeededWithoutWarnings();
  }

  @Test
  void aWebServerNeedsNoLifecycleWeb() {
    JavaFileObject clock =
        source(
            "com.example.Clock",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Clock {
              @WebServer(port = 8001)
              public void serve() {}
            }
            """);

    assertThat(compileWithout("lifecycle-web", clock)).succeededWithoutWarnings();
  }
}
