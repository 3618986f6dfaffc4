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
 * Rule 5: {@code @Enter(snap = true)} needs {@code @Service(enableMemorySnapshot = true)}; the
 * error goes on the {@code snap = true} value, so that an IDE underlines that token.
 */
class SnapshotRulesTest {

  @Test
  void snapEnterRequiresMemorySnapshotReportedOnTheSnapValue() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter(
                  snap = true)
              void load() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // Line 8 is the value: not the annotation's line (7), not the method's (9).
    assertThat(compilation)
        .hadErrorContaining(
            "[LC106] @Enter(snap = true) on Model.load() needs a memory snapshot, but service"
                + " com.example.Model does not enable one. Set @Service(enableMemorySnapshot ="
                + " true), or remove snap = true to run the hook on every container start.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void snapEnterRequiresMemorySnapshotWhenItIsExplicitlyDisabled() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(enableMemorySnapshot = false)
            public class Model {
              @Enter(snap = true) void load() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC106] @Enter(snap = true) on Model.load() needs a memory snapshot, but service"
                + " com.example.Model does not enable one.")
        .inFile(service)
        .onLine(7);
  }

  @Test
  void snapEnterIsValidWhenTheServiceEnablesMemorySnapshot() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service(enableMemorySnapshot = true)
            public class Model {
              @Enter(
                  snap = true)
              void load() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Model_Lifecycle");
  }

  @Test
  void snapFalseDoesNotRequireMemorySnapshot() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter(snap = false)
              void load() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void inheritedSnapEnterWithoutSourceIsReportedOnTheServiceAnnotation(@TempDir Path classes) {
    JavaFileObject base =
        source(
            "com.example.base.Base",
            """
            package com.example.base;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter(snap = true)
              public void load() {}
            }
            """);
    Path jar = writeJar(compileWithoutProcessor(base), classes);
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model extends com.example.base.Base {}
            """);

    Compilation compilation = compileWithClasspath(List.of(jar.toFile()), service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // Base has no source: the error goes on the service's @Service, where the fix is made.
    assertThat(compilation)
        .hadErrorContaining(
            "[LC106] @Enter(snap = true) on Base.load() needs a memory snapshot, but service"
                + " com.example.Model does not enable one.")
        .inFile(service)
        .onLine(5);
  }
}
