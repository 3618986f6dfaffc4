package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.lifecycle.processor.testing.CompiledClasses;
import dev.lifecycle.runtime.internal.Dispatchers;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.time.Duration;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Server}: a class that runs its own HTTP server has an {@code @Enter} hook (LC150), no
 * {@code @Method}s (LC151), no constructor with parameters (LC152), is not also a service (LC153),
 * listens on a valid port (LC154), has no web methods (LC158), and otherwise follows the rules of
 * {@code @Service} classes and options (LC106, LC121.., LC127).
 */
class ServerRulesTest {

  @Test
  void validServerCompilesAndGeneratesItsDispatcher() throws Exception {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000, exitGracePeriodSeconds = 5, enableMemorySnapshot = true)
            public class Files {
              Process process;

              @Enter(snap = true)
              void warmUp() {}

              @Enter
              void start() {}

              @Exit
              void stop() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Files_Lifecycle");
    ServiceDescriptor descriptor =
        Dispatchers.of(new CompiledClasses(compilation).load("com.example.Files")).descriptor();
    assertThat(descriptor.memorySnapshotEnabled()).isTrue();
    assertThat(descriptor.options().exitGracePeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(descriptor.methods()).isEmpty();
    assertThat(descriptor.hooks())
        .extracting(HookDescriptor::phase, HookDescriptor::methodName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HookPhase.ENTER_BEFORE_SNAPSHOT, "warmUp"),
            org.assertj.core.groups.Tuple.tuple(HookPhase.ENTER_AFTER_SNAPSHOT, "start"),
            org.assertj.core.groups.Tuple.tuple(HookPhase.EXIT, "stop"));
  }

  @Test
  void serverMustHaveAnEnterHook() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              @Exit
              void stop() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC150] @Server class com.example.Files has no @Enter method, but the enter hook is"
                + " what starts the server on port 8000. Add an @Enter method that starts it (and"
                + " an @Exit method that stops it).")
        .inFile(server)
        .onLine(6);
  }

  @Test
  void inheritedEnterHookCounts() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter
              void start() {}
            }
            """);
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            @dev.lifecycle.Server(port = 8000)
            public class Files extends Base {}
            """);

    assertThat(compile(base, server)).succeededWithoutWarnings();
  }

  @Test
  void serverMustNotHaveMethods() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              @Enter
              void start() {}

              @Method
              String status() { return "up"; }
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC151] Method Files.status() is annotated @Method, but @Server class"
                + " com.example.Files only serves HTTP on its port. Remove @Method, or move the"
                + " method to a @Service.")
        .inFile(server)
        .onLine(11);
  }

  @Test
  void serverMustNotHaveAConstructorWithParameters() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              private final String root;

              public Files(String root) {
                this.root = root;
              }

              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    // One fault, one error: LC125 (no no-argument constructor) is the same fault.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC152] @Server class com.example.Files declares constructor Files(String) with"
                + " parameters, but a container creates servers with the no-argument constructor."
                + " Remove the parameters, and read the configuration in the @Enter hook instead.")
        .inFile(server)
        .onLine(9);
  }

  @Test
  void serverConstructorWithParametersIsAnErrorNextToANoArgConstructor() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              public Files() {}

              Files(int port) {}

              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC152] @Server class com.example.Files declares constructor Files(int)")
        .inFile(server)
        .onLine(9);
  }

  @Test
  void snapEnterRequiresMemorySnapshotOnTheServer() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              @Enter(
                  snap = true)
              void warmUp() {}

              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC106] @Enter(snap = true) on Files.warmUp() needs a memory snapshot, but server"
                + " com.example.Files does not enable one. Set @Server(enableMemorySnapshot ="
                + " true), or remove snap = true to run the hook on every container start.")
        .inFile(server)
        .onLine(8);
  }

  @Test
  void serverFollowsTheClassRulesOfServices() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public abstract class Files {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC121] @Server class com.example.Files is abstract, so a container cannot create"
                + " it.")
        .inFile(server)
        .onLine(6);
  }

  @Test
  void serverMustNotBeAnInnerClass() {
    JavaFileObject server =
        source(
            "com.example.Outer",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Outer {
              @Server(port = 8000)
              class Files {
                @Enter
                void start() {}
              }
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC122] @Server class com.example.Outer.Files is an inner class, but a container"
                + " creates services without an enclosing instance. Make it static.")
        .inFile(server)
        .onLine(7);
  }

  @Test
  void serverMustNotBeGeneric() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files<T> {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC126] @Server class com.example.Files declares type parameters <T>")
        .inFile(server)
        .onLine(6);
  }

  @Test
  void serverMustNotAlsoBeAService() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            @Service
            public class Files {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC153] Class com.example.Files is annotated both @Server and @Service. Keep one:"
                + " @Server for a class that runs its own HTTP server in its @Enter hook, @Service"
                + " for a class called through the container.")
        .inFile(server)
        .onLine(7);
  }

  @Test
  void serverMustNotAlsoBeAFunctionService() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.function.Function;

            @FunctionService
            @Server(port = 8000)
            public class Files implements Function<String, String> {
              @Enter
              void start() {}

              @Override
              public String apply(String path) { return path; }
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC153] Class com.example.Files is annotated both @Server and @FunctionService.")
        .inFile(server)
        .onLine(8);
  }

  @Test
  void portMustBeAtLeastOne() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(
                port = 0)
            public class Files {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC154] @Server(port = 0) on com.example.Files is out of range: a TCP port must be"
                + " between 1 and 65535. Choose a port in that range, such as 8000.")
        .inFile(server)
        .onLine(6);
  }

  @Test
  void portMustBeAtMost65535() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(
                port = 65536)
            public class Files {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC154] @Server(port = 65536) on com.example.Files is out of range")
        .inFile(server)
        .onLine(6);
  }

  @Test
  void startupTimeoutMustBePositive() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(
                port = 8000,
                startupTimeoutSeconds = 0)
            public class Files {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC127] @Server(startupTimeoutSeconds = 0) on com.example.Files is out of range: it"
                + " must be at least 1.")
        .inFile(server)
        .onLine(7);
  }

  @Test
  void exitGracePeriodMustNotBeNegative() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000,
                exitGracePeriodSeconds = -1)
            public class Files {
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC127] @Server(exitGracePeriodSeconds = -1) on com.example.Files is out of range: it"
                + " must be at least 0.")
        .inFile(server)
        .onLine(6);
  }

  @Test
  void serverMustNotHaveWebMethods() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              @Enter
              void start() {}

              @WebEndpoint(path = "/status")
              public String status() { return "up"; }
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC158] Method Files.status() is annotated @WebEndpoint, but @Server class"
                + " com.example.Files runs its own HTTP server from its @Enter hook, so the"
                + " container serves no web methods of it. Remove @WebEndpoint, or move the method"
                + " to a @Service.")
        .inFile(server)
        .onLine(11);
  }

  @Test
  void serverMustNotHaveAWebAppOrAWebServer() {
    JavaFileObject server =
        source(
            "com.example.Files",
            """
            package com.example;

            import com.sun.net.httpserver.HttpHandler;
            import dev.lifecycle.*;

            @Server(port = 8000)
            public class Files {
              @Enter
              void start() {}

              @WebApp
              public HttpHandler app() { return exchange -> {}; }

              @WebServer(port = 8001)
              void admin() {}
            }
            """);

    Compilation compilation = compile(server);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[LC158] Method Files.app() is annotated @WebApp, but @Server class")
        .inFile(server)
        .onLine(12);
    assertThat(compilation)
        .hadErrorContaining("[LC158] Method Files.admin() is annotated @WebServer, but @Server class")
        .inFile(server)
        .onLine(15);
  }
}
