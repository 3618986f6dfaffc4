package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.compileWithClasspath;
import static dev.lifecycle.processor.testing.Compilations.generatedSource;
import static dev.lifecycle.processor.testing.Compilations.source;
import static dev.lifecycle.processor.testing.PrecompiledClasses.compileWithoutProcessor;
import static dev.lifecycle.processor.testing.PrecompiledClasses.writeJar;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 9: hooks may live in superclasses, in this compilation or compiled earlier (a jar); they are
 * inherited. A finding on a member without source goes on the service that inherits it. A member
 * in another package must be public (LC111); interfaces carry no lifecycle members (LC112); a
 * lifecycle annotation in a concrete class that is not a service and that no service extends is a
 * warning (LC140).
 */
class InheritanceRulesTest {

  private static final JavaFileObject SERVICE_EXTENDING_BASE =
      source(
          "com.example.Model",
          """
          package com.example;

          import dev.lifecycle.*;

          @Service
          public class Model extends com.example.base.Base {
            @Method
            public String predict(String input) {
              return input;
            }
          }
          """);

  @Test
  void hooksOfASuperclassInTheSameCompilationAreInherited() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Base {
              @Enter
              void open() {}

              @Exit
              void close() {}
            }
            """);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model extends Base {
              @Enter
              void warmUp() {}
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).succeededWithoutWarnings();
    String dispatcher = generatedSource(compilation, "com.example.Model_Lifecycle");
    assertThat(dispatcher).contains("service.open()", "service.warmUp()", "service.close()");
    assertThat(dispatcher.indexOf("service.open()"))
        .isLessThan(dispatcher.indexOf("service.warmUp()"));
  }

  @Test
  void hooksOfASuperclassCompiledEarlierAreInherited(@TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Base",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter
              public void open() {}

              @Exit
              public void close() {}
            }
            """);
    Path jar = writeJar(compile(base), classes);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), SERVICE_EXTENDING_BASE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.sourceFiles()).hasSize(1);
    String dispatcher = generatedSource(compilation, "com.example.Model_Lifecycle");
    assertThat(dispatcher).contains("service.open()", "service.close()", "service.predict(");
  }

  @Test
  void brokenHookOfASuperclassCompiledEarlierIsReportedOnTheService(@TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Base",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter
              public void open(String path) {}
            }
            """);
    Path jar = writeJar(compileWithoutProcessor(base), classes);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), SERVICE_EXTENDING_BASE);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC101] @Enter method Base.open(String) takes parameters, but the container calls"
                + " lifecycle hooks with no arguments. Remove the parameters and load the"
                + " configuration inside the hook instead.")
        .inFile(SERVICE_EXTENDING_BASE)
        .onLine(6);
  }

  @Test
  void nonPublicHookOfASuperclassCompiledEarlierInAnotherPackageIsReportedOnTheService(
      @TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Base",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter
              void open() {}
            }
            """);
    Path jar = writeJar(compileWithoutProcessor(base), classes);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), SERVICE_EXTENDING_BASE);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC111] @Enter method Base.open() is not public and is declared in"
                + " com.example.base.Base, another package than service com.example.Model, so the"
                + " generated dispatcher in the service's package cannot call it. Make it public.")
        .inFile(SERVICE_EXTENDING_BASE)
        .onLine(6);
  }

  @Test
  void hookOfASuperclassInAnotherPackageMustBePublic() {
    JavaFileObject base =
        source(
            "com.example.base.Base",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Base {
              @Exit
              protected void close() {}
            }
            """);

    Compilation compilation = compile(base, SERVICE_EXTENDING_BASE);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC111] @Exit method Base.close() is not public and is declared in"
                + " com.example.base.Base, another package than service com.example.Model, so the"
                + " generated dispatcher in the service's package cannot call it. Make it public.")
        .inFile(base)
        .onLine(7);
  }

  @Test
  void brokenHookOfABaseSharedByTwoServicesIsReportedOnce() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Exit
              int close() {
                return 0;
              }
            }
            """);
    JavaFileObject first =
        source(
            "com.example.First",
            """
            package com.example;

            @dev.lifecycle.Service
            public class First extends Base {}
            """);
    JavaFileObject second =
        source(
            "com.example.Second",
            """
            package com.example;

            @dev.lifecycle.Service
            public class Second extends Base {}
            """);

    Compilation compilation = compile(base, first, second);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC103] @Exit method Base.close() returns int")
        .inFile(base)
        .onLine(7);
  }

  @Test
  void hookInAConcreteClassThatNoServiceExtendsNeverRuns() {
    JavaFileObject helper =
        source(
            "com.example.Helper",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Helper {
              @Enter
              void open() {}
            }
            """);

    Compilation compilation = compile(helper);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[LC140] @Enter method Helper.open() never runs: class com.example.Helper is not a"
                + " @Service and no @Service in this compilation extends it. Annotate the class"
                + " with @Service, or make it abstract if it is a base class for services.")
        .inFile(helper)
        .onLine(7);
    assertThat(compilation.generatedSourceFiles()).isEmpty();
  }

  @Test
  void hookInAConcreteClassThatAServiceExtendsRuns() {
    JavaFileObject helper =
        source(
            "com.example.Helper",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Helper {
              @Enter
              void open() {}
            }
            """);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            @dev.lifecycle.Service
            public class Model extends Helper {}
            """);

    Compilation compilation = compile(helper, service);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "com.example.Model_Lifecycle"))
        .contains("service.open()");
  }

  @Test
  void hookInAnAbstractClassIsNotReportedAsNeverRunning() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter
              void open() {}
            }
            """);

    Compilation compilation = compile(base);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void lifecycleAnnotationMustNotBeOnAnInterfaceMethod() {
    JavaFileObject hooks =
        source(
            "com.example.Hooks",
            """
            package com.example;

            import dev.lifecycle.*;

            public interface Hooks {
              @Enter
              default void open() {}
            }
            """);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            @dev.lifecycle.Service
            public class Model implements Hooks {}
            """);

    Compilation compilation = compile(hooks, service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC112] @Enter method Hooks.open() is declared in interface com.example.Hooks, but"
                + " lifecycle annotations are read from classes only. Move the method to the"
                + " service class or to an abstract base class.")
        .inFile(hooks)
        .onLine(7);
  }

  @Test
  void lifecycleAnnotationMustNotBeOnAnAbstractInterfaceMethod() {
    JavaFileObject hooks =
        source(
            "com.example.Hooks",
            """
            package com.example;

            import dev.lifecycle.*;

            public interface Hooks {
              @Method
              String predict(String input);
            }
            """);

    Compilation compilation = compile(hooks);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC112] @Method method Hooks.predict(String) is declared in interface"
                + " com.example.Hooks, but lifecycle annotations are read from classes only.")
        .inFile(hooks)
        .onLine(7);
  }

  @Test
  void lifecycleAnnotationOnAnInterfaceMethodCompiledEarlierIsReportedOnTheService(
      @TempDir Path classes) {
    JavaFileObject hooks =
        source(
            "com.example.base.Hooks",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public interface Hooks {
              @Enter
              default void open() {}
            }
            """);
    Path jar = writeJar(compileWithoutProcessor(hooks), classes);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model implements com.example.base.Hooks {}
            """);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), service);

    // Otherwise the hook silently never runs: nothing in this compilation can report it.
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC112] @Enter method Hooks.open() is declared in interface com.example.base.Hooks,"
                + " but lifecycle annotations are read from classes only.")
        .inFile(service)
        .onLine(6);
  }
}
