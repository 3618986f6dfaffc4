package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 6: hooks and methods must be callable by generated code: not {@code private} (LC107), not
 * {@code static} (LC108), not {@code abstract} (LC109), no type parameters (LC110).
 */
class CallableRulesTest {

  @Test
  void hookMustNotBePrivate() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              private void load() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC107] @Enter method Model.load() is private, so the generated dispatcher cannot call"
                + " it. Make it package-private, protected or public.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void methodMustNotBePrivate() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Method
              private String predict(String input) {
                return input;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC107] @Method method Model.predict(String) is private, so the generated dispatcher"
                + " cannot call it. Make it package-private, protected or public.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void hookMustNotBeStatic() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Exit
              static void close() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC108] @Exit method Model.close() is static, but lifecycle hooks and methods run on"
                + " the service instance of a container. Remove static.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void methodMustNotBeStatic() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Method
              public static int add(int a, int b) {
                return a + b;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC108] @Method method Model.add(int, int) is static, but lifecycle hooks and methods"
                + " run on the service instance of a container. Remove static.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void hookMustNotBeAbstract() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Enter
              abstract void load();
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
              void load() {}
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC109] @Enter method Base.load() is abstract and has no body to run. Give it a body,"
                + " or annotate the method that implements it instead.")
        .inFile(base)
        .onLine(7);
  }

  @Test
  void methodMustNotBeAbstract() {
    JavaFileObject base =
        source(
            "com.example.Base",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Base {
              @Method
              public abstract String predict(String input);
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
                return input;
              }
            }
            """);

    Compilation compilation = compile(base, service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC109] @Method method Base.predict(String) is abstract and has no body to run. Give"
                + " it a body, or annotate the method that implements it instead.")
        .inFile(base)
        .onLine(7);
  }

  @Test
  void hookMustNotDeclareTypeParameters() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              <T> void load() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC110] @Enter method Model.load() declares type parameters <T>, which the dispatcher"
                + " cannot supply when it calls the method. Remove them and use concrete types.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void methodMustNotDeclareTypeParameters() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.Map;

            @Service
            public class Model {
              @Method
              <K, V> Map<K, V> index(K key, V value) {
                return Map.of(key, value);
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC110] @Method method Model.index(K, V) declares type parameters <K, V>, which the"
                + " dispatcher cannot supply when it calls the method. Remove them and use concrete"
                + " types.")
        .inFile(service)
        .onLine(9);
  }
}
