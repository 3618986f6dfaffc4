package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.generatedSource;
import static dev.lifecycle.processor.testing.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 8: {@code @Method} names are unique within a service, since callers dispatch by name; an
 * overload is LC130, naming both methods. Overriding is not overloading.
 */
class MethodNameRulesTest {

  @Test
  void methodNamesMustBeUniqueWithinAService() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Method
              String predict(String input) {
                return input;
              }

              @Method
              String predict(String input, int samples) {
                return input;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC130] @Method name 'predict' is used twice in service com.example.Model:"
                + " Model.predict(String) and Model.predict(String, int). Callers invoke methods by"
                + " name, so each @Method needs a name of its own: rename one of them.")
        .inFile(service)
        .onLine(13);
  }

  @Test
  void methodNamesMustBeUniqueAcrossTheServiceHierarchy() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Method
              public String predict(String input) {
                return input;
              }
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
              @Method
              public String predict(String input, int samples) {
                return input;
              }
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC130] @Method name 'predict' is used twice in service com.example.Model:"
                + " Base.predict(String) and Model.predict(String, int). Callers invoke methods by"
                + " name, so each @Method needs a name of its own: rename one of them.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void overridingASuperclassMethodIsNotADuplicateName() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Method
              public String predict(String input) {
                return input;
              }
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
              @Override
              @Method
              public String predict(String input) {
                return input.toUpperCase();
              }
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).succeededWithoutWarnings();
    String dispatcher = generatedSource(compilation, "com.example.Model_Lifecycle");
    assertThat(dispatcher.split("service\\.predict\\(", -1)).hasSize(2);
  }

  @Test
  void overridingASuperclassMethodWithoutAnnotationIsNotADuplicateName() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Method
              public String predict(String input) {
                return input;
              }
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
              @Override
              public String predict(String input) {
                return input.toUpperCase();
              }
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).succeededWithoutWarnings();
    String dispatcher = generatedSource(compilation, "com.example.Model_Lifecycle");
    assertThat(dispatcher.split("service\\.predict\\(", -1)).hasSize(2);
  }
}
