package dev.lifecycle.processor.rules;

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
 * Web methods ({@code @WebEndpoint}, {@code @WebApp}, {@code @WebServer}) are of no other kind
 * (LC155, LC156, LC157); {@code @WebApp} and {@code @WebServer} take no parameters (LC159), are
 * synchronous (LC160), and a {@code @WebApp} returns an {@code HttpHandler} (LC161); endpoint paths
 * start with {@code /} (LC162) and are unique per HTTP method (LC163), which is a known one in any
 * case (LC164); a service has one {@code @WebApp} at most (LC166); web servers have ports in range
 * (LC154), each their own (LC167), and a positive startup timeout (LC127); and the generated
 * dispatcher must be able to call them (LC107..LC110).
 */
class WebRulesTest {

  private static final String HOOK_TAIL =
      " A lifecycle hook is called by the container, a web method serves HTTP: split it into two"
          + " methods (both may call one private helper).";

  private static JavaFileObject service(String body) {
    return source(
        "com.example.Api",
        """
        package com.example;

        import com.sun.net.httpserver.HttpHandler;
        import dev.lifecycle.*;
        import java.util.concurrent.CompletableFuture;

        @Service
        public class Api {
        %s}
        """
            .formatted(body.indent(2)));
  }

  @Test
  void validWebMethodsCompile() {
    // Line 9 is the first line of the body.
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/predict")
            public String predict(String text) { return text; }

            @WebEndpoint(method = "GET", path = "/predict")
            public String describe() { return "predicts"; }

            @WebApp
            HttpHandler app() { return exchange -> {}; }

            @WebServer(port = 8001)
            void serve() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Api_Lifecycle");
  }

  @Test
  void enterMustNotBeCombinedWithAWebAnnotation() {
    JavaFileObject api =
        service(
            """
            @Enter
            @WebServer(port = 8001)
            void serve() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC155] Method Api.serve() is annotated both @Enter and @WebServer." + HOOK_TAIL)
        .inFile(api)
        .onLine(11);
  }

  @Test
  void aWebAppMustNotBeAHookEither() {
    JavaFileObject api =
        service(
            """
            @WebApp
            @Enter
            HttpHandler app() { return exchange -> {}; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[LC155] Method Api.app() is annotated both @Enter and @WebApp." + HOOK_TAIL)
        .inFile(api)
        .onLine(11);
  }

  @Test
  void webAnnotationMustNotBeCombinedWithExit() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/stop")
            @Exit
            void stop() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC155] Method Api.stop() is annotated both @Exit and @WebEndpoint." + HOOK_TAIL)
        .inFile(api)
        .onLine(11);
  }

  @Test
  void methodMustNotBeCombinedWithAWebAnnotation() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/predict")
            @Method
            public String predict(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC156] Method Api.predict(String) is annotated both @Method and @WebEndpoint. A"
                + " @Method is called by name through the container, a web method serves HTTP:"
                + " split it into two methods (both may call one private helper).")
        .inFile(api)
        .onLine(11);
  }

  @Test
  void twoWebAnnotationsMustNotBeCombined() {
    JavaFileObject api =
        service(
            """
            @WebServer(port = 8001)
            @WebApp
            HttpHandler app() { return exchange -> {}; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC157] Method Api.app() is annotated both @WebApp and @WebServer, but a method"
                + " serves HTTP in one way only. Keep one of them, or split it into one method"
                + " each.")
        .inFile(api)
        .onLine(11);
  }

  @Test
  void webAppMustNotTakeParameters() {
    JavaFileObject api =
        service(
            """
            @WebApp
            HttpHandler app(String root) { return exchange -> {}; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC159] @WebApp method Api.app(String) takes parameters, but the container calls it"
                + " once with no arguments. Remove the parameters and read the configuration"
                + " inside the method instead.")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webServerMustNotTakeParameters() {
    JavaFileObject api =
        service(
            """
            @WebServer(port = 8001)
            void serve(int port) {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC159] @WebServer method Api.serve(int) takes parameters")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webServerMustNotBeAsync() {
    JavaFileObject api =
        service(
            """
            @WebServer(port = 8001)
            CompletableFuture<Void> serve() { return CompletableFuture.completedFuture(null); }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC160] @WebServer method Api.serve() returns CompletableFuture<Void>: the container"
                + " calls it synchronously and would not wait for the asynchronous work to finish."
                + " Wait for the work inside the method (for example with join() or get()) and"
                + " return its result.")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webAppMustNotBeAsync() {
    JavaFileObject api =
        service(
            """
            @WebApp
            CompletableFuture<HttpHandler> app() { return null; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    // One fault, one error: not also LC161 for the return type.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC160] @WebApp method Api.app() returns CompletableFuture<HttpHandler>")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webAppMustReturnAnHttpHandler() {
    JavaFileObject api =
        service(
            """
            @WebApp
            String app() { return "hello"; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC161] @WebApp method Api.app() returns String, but the container serves every path"
                + " with the com.sun.net.httpserver.HttpHandler it returns. Declare it to return"
                + " HttpHandler.")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webServerPortMustBeInRange() {
    JavaFileObject api =
        service(
            """
            @WebServer(
                port = 70000)
            void serve() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC154] @WebServer(port = 70000) on Api.serve() is out of range: a TCP port must be"
                + " between 1 and 65535.")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void endpointPathMustStartWithASlash() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(
                path = "predict")
            public String predict(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC162] @WebEndpoint path \"predict\" on Api.predict(String) does not start with"
                + " \"/\". Write the path from the root: \"/predict\".")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void endpointPathMustBeReachable() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(method = "GET", path = "/square?n=1")
            public int square(int n) { return n * n; }

            @WebEndpoint(
                path = "/my predictions")
            public String predict(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC165] @WebEndpoint path \"/square?n=1\" on Api.square(int) contains a query (\"?\"),"
                + " but requests are matched on their path alone, without query or fragment, so no"
                + " request could ever reach it. Write the path only, such as \"/square\"; a GET"
                + " endpoint reads its parameters from the query string.")
        .inFile(api)
        .onLine(9);
    assertThat(compilation)
        .hadErrorContaining("[LC165] @WebEndpoint path \"/my predictions\" on Api.predict(String)"
            + " contains white space")
        .inFile(api)
        .onLine(13);
  }

  @Test
  void endpointsMustBeUniquePerMethodAndPath() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/predict")
            public String predict(String text) { return text; }

            @WebEndpoint(method = "POST", path = "/predict")
            public String predictFast(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC163] @WebEndpoint POST /predict is declared twice in com.example.Api: by"
                + " Api.predict(String) and Api.predictFast(String). Each method and path pair is"
                + " served by one endpoint: change the path or the HTTP method of one of them.")
        .inFile(api)
        .onLine(13);
  }

  @Test
  void webMethodMustNotBePrivate() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/predict")
            private String predict(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC107] @WebEndpoint method Api.predict(String) is private, so the generated"
                + " dispatcher cannot call it.")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webMethodMustNotBeStatic() {
    JavaFileObject api =
        service(
            """
            @WebApp
            static HttpHandler app() { return exchange -> {}; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC108] @WebApp method Api.app() is static")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void webMethodMustNotBeAbstract() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @WebServer(port = 8001)
              abstract void serve();
            }
            """);
    JavaFileObject api =
        source(
            "com.example.Api",
            """
            package com.example;

            @dev.lifecycle.Service
            public class Api extends Base {
              @Override
              void serve() {}
            }
            """);

    Compilation compilation = compile(base, api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC109] @WebServer method Base.serve() is abstract")
        .inFile(base)
        .onLine(7);
  }

  @Test
  void webMethodMustNotBeGeneric() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/echo")
            public <T> T echo(T value) { return value; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC110] @WebEndpoint method Api.echo(T) declares type parameters <T>")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void endpointHttpMethodMustBeKnown() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(
                method = "FETCH", path = "/predict")
            public String predict(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC164] @WebEndpoint(method = \"FETCH\") on Api.predict(String) is not an HTTP"
                + " method an endpoint can answer. Use one of GET, POST, PUT, PATCH or DELETE (in"
                + " any case).")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void emptyHttpMethodIsUnknown() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(method = "", path = "/predict")
            public String predict(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC164] @WebEndpoint(method = \"\") on Api.predict(String)")
        .inFile(api)
        .onLine(9);
  }

  @Test
  void httpMethodsAreAcceptedInAnyCase() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(method = "get", path = "/orders")
            public String list() { return "[]"; }

            @WebEndpoint(method = "Put", path = "/orders")
            public void replace(String orders) {}

            @WebEndpoint(method = "pAtCh", path = "/orders")
            public void update(String order) {}

            @WebEndpoint(method = "delete", path = "/orders")
            public void clear() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void endpointsClashWhateverTheCaseOfTheirHttpMethod() {
    JavaFileObject api =
        service(
            """
            @WebEndpoint(path = "/predict")
            public String predict(String text) { return text; }

            @WebEndpoint(method = "post", path = "/predict")
            public String predictFast(String text) { return text; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC163] @WebEndpoint POST /predict is declared twice in com.example.Api: by"
                + " Api.predict(String) and Api.predictFast(String).")
        .inFile(api)
        .onLine(13);
  }

  @Test
  void webServerStartupTimeoutMustBePositive() {
    JavaFileObject api =
        service(
            """
            @WebServer(port = 8001,
                startupTimeoutSeconds = 0)
            void serve() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC127] @WebServer(startupTimeoutSeconds = 0) on Api.serve() is out of range: it"
                + " must be at least 1.")
        .inFile(api)
        .onLine(10);
  }

  @Test
  void serviceHasOneWebAppAtMost() {
    JavaFileObject api =
        service(
            """
            @WebApp
            HttpHandler app() { return exchange -> {}; }

            @WebApp
            HttpHandler admin() { return exchange -> {}; }
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC166] @WebApp is declared twice in com.example.Api: by Api.app() and Api.admin(),"
                + " but the container serves every path with the HttpHandler of one @WebApp. Keep"
                + " one, and let its handler serve the paths of both.")
        .inFile(api)
        .onLine(12);
  }

  @Test
  void inheritedWebAppCountsAsTheFirst() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import com.sun.net.httpserver.HttpHandler;
            import dev.lifecycle.*;

            public abstract class Base {
              @WebApp
              public HttpHandler app() { return exchange -> {}; }
            }
            """);
    JavaFileObject api =
        source(
            "com.example.Api",
            """
            package com.example;

            import com.sun.net.httpserver.HttpHandler;
            import dev.lifecycle.*;

            @Service
            public class Api extends Base {
              @WebApp
              HttpHandler admin() { return exchange -> {}; }
            }
            """);

    Compilation compilation = compile(base, api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC166] @WebApp is declared twice in com.example.Api: by Base.app() and Api.admin()")
        .inFile(api)
        .onLine(8);
  }

  @Test
  void webServersMustNotShareAPort() {
    JavaFileObject api =
        service(
            """
            @WebServer(port = 8001)
            void serve() {}

            @WebServer(
                port = 8001)
            void serveMetrics() {}
            """);

    Compilation compilation = compile(api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC167] @WebServer(port = 8001) is declared twice in com.example.Api: by Api.serve()"
                + " and Api.serveMetrics(), but only one server can listen on a port. Give one of"
                + " them another port.")
        .inFile(api)
        .onLine(13);
  }

  @Test
  void portClashWithASuperclassCompiledEarlierIsReportedOnTheService(@TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Monitored",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Monitored {
              @WebServer(port = 8001)
              public void metrics() {}
            }
            """);
    Path jar = writeJar(compileWithoutProcessor(base), classes);
    JavaFileObject api =
        source(
            "com.example.Api",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Api extends com.example.base.Monitored {
              @WebServer(port = 8001)
              void serve() {}
            }
            """);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // The second of the two is in source, so the error is on its port.
    assertThat(compilation)
        .hadErrorContaining(
            "[LC167] @WebServer(port = 8001) is declared twice in com.example.Api: by"
                + " Monitored.metrics() and Api.serve()")
        .inFile(api)
        .onLine(7);
  }

  @Test
  void unknownHttpMethodOfASuperclassCompiledEarlierIsReportedOnTheService(
      @TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Monitored",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Monitored {
              @WebEndpoint(method = "FETCH", path = "/health")
              public String health() { return "ok"; }
            }
            """);
    Path jar = writeJar(compileWithoutProcessor(base), classes);
    JavaFileObject api =
        source(
            "com.example.Api",
            """
            package com.example;

            @dev.lifecycle.Service
            public class Api extends com.example.base.Monitored {}
            """);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), api);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC164] @WebEndpoint(method = \"FETCH\") on Monitored.health()")
        .inFile(api)
        .onLine(4);
  }
}
