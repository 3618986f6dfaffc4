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
 * {@code @Parameter} fields: a type that converts from text (LC180), not final (LC181), not static
 * (LC182), not private (LC183), public when inherited from another package (LC184), one name per
 * service (LC185), in a class a service uses (LC186, a warning), of an enum the dispatcher can
 * name (LC187).
 */
class ParameterRulesTest {

  @Test
  void everyAllowedTypeCompilesWithoutAWord() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(enableMemorySnapshot = true)
            public class Model {
              public enum Size { SMALL, LARGE }

              @Parameter(required = true) Size size;
              @Parameter String name = "m";
              @Parameter boolean b; @Parameter Boolean bb;
              @Parameter char c; @Parameter Character cc;
              @Parameter byte y; @Parameter Byte yy;
              @Parameter short s; @Parameter Short ss;
              @Parameter int i; @Parameter Integer ii;
              @Parameter long l; @Parameter Long ll;
              @Parameter float f; @Parameter Float ff;
              @Parameter protected double d; @Parameter public Double dd;

              @Enter(snap = true)
              void load() {}
            }
            """);

    assertThat(compile(service)).succeededWithoutWarnings();
  }

  @Test
  void everyMisuseOfAFieldIsAnErrorOnTheField() {
    JavaFileObject service =
        source(
            "com.example.Bad",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Bad {
              @Parameter List<String> names;
              @Parameter final int threads = 4;
              @Parameter static String mode;
              @Parameter private String secret;
              @Parameter Object anything;
              @Parameter int[] sizes;
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(6);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC180] @Parameter field Bad.names is of type List<String>, but a parameter is given"
                + " as text, which the container converts to a String, a primitive, a primitive's"
                + " box or an enum only. Declare the field as one of these, and build richer values"
                + " from it in an @Enter hook.")
        .inFile(service)
        .onLine(8);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC181] @Parameter field Bad.threads is final, so the container cannot set it after"
                + " the constructor. Remove final; give its default as the field's initial value.")
        .inFile(service)
        .onLine(9);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC182] @Parameter field Bad.mode is static, but each container sets its parameters"
                + " on its own service instance. Remove static.")
        .inFile(service)
        .onLine(10);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC183] @Parameter field Bad.secret is private, so the generated dispatcher cannot set"
                + " it. Make it package-private, protected or public.")
        .inFile(service)
        .onLine(11);
    assertThat(compilation)
        .hadErrorContaining("[LC180] @Parameter field Bad.anything is of type Object")
        .inFile(service)
        .onLine(12);
    assertThat(compilation)
        .hadErrorContaining("[LC180] @Parameter field Bad.sizes is of type int[]")
        .inFile(service)
        .onLine(13);
  }

  @Test
  void aNameUsedTwiceInTheHierarchyIsAnErrorOnTheSecondField() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Parameter int size;
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
              @Parameter String size;
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC185] Parameter name 'size' is used twice in service com.example.Model: by Base.size"
                + " and Model.size. A parameter is set by its name, which is its field's name, so"
                + " each needs a name of its own: rename one of the fields.")
        .inFile(service)
        .onLine(7);
  }

  @Test
  void aSubclassFieldThatHidesAParameterIsAnErrorOnThatField() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Parameter int size;
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
              String size;
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC185] Parameter name 'size' is used twice in service com.example.Model: by Base.size"
                + " and Model.size.")
        .inFile(service)
        .onLine(7);
  }

  @Test
  void aNonPublicFieldInheritedFromAnotherPackageIsAnError(@TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Base",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Base {
              @Parameter protected int threads;
            }
            """);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model extends com.example.base.Base {}
            """);

    Compilation inSource = compile(base, service);

    assertThat(inSource).hadErrorCount(1);
    assertThat(inSource)
        .hadErrorContaining(
            "[LC184] @Parameter field Base.threads is not public and is declared in"
                + " com.example.base.Base, another package than service com.example.Model, so the"
                + " generated dispatcher in the service's package cannot set it. Make it public.")
        .inFile(base)
        .onLine(6);

    // From a jar, where the field has no position: on the service that inherits it.
    Path jar = writeJar(compileWithoutProcessor(base), classes);
    Compilation fromJar = compileWithClasspath(List.of(jar.toFile()), service);
    assertThat(fromJar).hadErrorCount(1);
    assertThat(fromJar)
        .hadErrorContaining("[LC184] @Parameter field Base.threads is not public")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void anEnumTheDispatcherCannotNameIsAnError() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              private enum Size { SMALL, LARGE }

              @Parameter Size size;
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC187] @Parameter field Model.size is of enum type com.example.Model.Size, which the"
                + " generated dispatcher of service com.example.Model, in package com.example,"
                + " cannot name: the enum is private. Make the enum public, or package-private in"
                + " the service's package.")
        .inFile(service)
        .onLine(9);
  }

  @Test
  void aParameterInAConcreteClassNoServiceExtendsIsAWarning() {
    JavaFileObject settings =
        source(
            "com.example.Settings",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Settings {
              @Parameter String mode;
            }
            """);

    Compilation compilation = compile(settings);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[LC186] @Parameter field Settings.mode is never set: class com.example.Settings is not"
                + " a service and no service in this compilation extends it. Annotate the class"
                + " with @Service, or make it abstract if it is a base class for services.")
        .inFile(settings)
        .onLine(6);
  }

  @Test
  void aFieldIsCheckedWhereItIsWrittenEvenWithoutAService() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Parameter final String mode = "fast";
            }
            """);

    Compilation compilation = compile(base);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC181] @Parameter field Base.mode is final")
        .inFile(base)
        .onLine(6);
  }

  @Test
  void aTypeJavacCannotResolveIsJavacsToReport() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Parameter Missing size;
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(service).onLine(7);
  }
}
