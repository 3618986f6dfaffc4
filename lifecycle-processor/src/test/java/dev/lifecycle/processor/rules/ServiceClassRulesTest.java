package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 7: a {@code @Service} is a concrete class (LC120, LC121), top-level or {@code static}
 * nested (LC122, LC123), not private (LC124), with a non-private no-argument constructor (LC125)
 * and no type parameters (LC126).
 */
class ServiceClassRulesTest {

  private static final String NOT_A_CLASS_TAIL =
      ", but a service must be a class that a container can instantiate. Annotate a class"
          + " instead.";

  @Test
  void serviceMustNotBeAnInterface() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public interface Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC120] @Service com.example.Model is an interface" + NOT_A_CLASS_TAIL)
        .inFile(service)
        .onLine(6);
  }

  @Test
  void serviceMustNotBeAnEnum() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public enum Model {
              INSTANCE
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC120] @Service com.example.Model is an enum" + NOT_A_CLASS_TAIL)
        .inFile(service)
        .onLine(6);
  }

  @Test
  void serviceMustNotBeARecord() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public record Model(String name) {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC120] @Service com.example.Model is a record" + NOT_A_CLASS_TAIL)
        .inFile(service)
        .onLine(6);
  }

  @Test
  void serviceMustNotBeAbstract() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public abstract class Model {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC121] @Service class com.example.Model is abstract, so a container cannot create it."
                + " Remove abstract, or move @Service to a concrete subclass.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void serviceMustNotBeAnInnerClass() {
    JavaFileObject service =
        source(
            "com.example.Outer",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Outer {
              @Service
              public class Model {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC122] @Service class com.example.Outer.Model is an inner class, but a container"
                + " creates services without an enclosing instance. Make it static.")
        .inFile(service)
        .onLine(7);
  }

  @Test
  void serviceMustNotBeALocalClass() {
    // javac hands processors no local classes and runs a processor only for compilations with
    // its annotations present: here, another service in the same compilation.
    JavaFileObject other =
        source(
            "com.example.Other",
            """
            package com.example;

            @dev.lifecycle.Service
            public class Other {}
            """);
    JavaFileObject service =
        source(
            "com.example.Factory",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Factory {
              Object create() {
                @Service
                class Model {}
                return new Model();
              }
            }
            """);

    Compilation compilation = compile(other, service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC123] @Service class Model is declared inside a method, where the generated"
                + " dispatcher cannot reach it. Move it out of the method and make it a top-level"
                + " or static nested class.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void serviceMustNotBePrivate() {
    JavaFileObject service =
        source(
            "com.example.Outer",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Outer {
              @Service
              private static class Model {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    // One fault, one error: the implicit constructor is private only because the class is.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC124] @Service class com.example.Outer.Model is private, so the generated dispatcher"
                + " cannot create it. Make it package-private or public.")
        .inFile(service)
        .onLine(7);
  }

  @Test
  void serviceMustNotBeNestedInAPrivateClass() {
    JavaFileObject service =
        source(
            "com.example.Outer",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Outer {
              private static class Holder {
                @Service
                static class Model {}
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // The fix is on Holder: "make it package-private" about Model, already package-private,
    // would send the reader to the wrong class.
    assertThat(compilation)
        .hadErrorContaining(
            "[LC124] @Service class com.example.Outer.Holder.Model is nested in private class"
                + " com.example.Outer.Holder, so the generated dispatcher cannot create it. Make"
                + " com.example.Outer.Holder package-private or public.")
        .inFile(service)
        .onLine(8);
  }

  @Test
  void serviceNeedsANoArgConstructor() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              public Model(String config) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC125] @Service class com.example.Model has no non-private constructor without"
                + " parameters, which a container needs to create it. Add one, and move setup that"
                + " needs configuration into an @Enter hook.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void serviceNoArgConstructorMustNotBePrivate() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              private Model() {}

              public Model(String config) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC125] @Service class com.example.Model has no non-private constructor without"
                + " parameters, which a container needs to create it. Add one, and move setup that"
                + " needs configuration into an @Enter hook.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void serviceMustNotDeclareTypeParameters() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model<I, O> {}
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC126] @Service class com.example.Model declares type parameters <I, O>, but a"
                + " container creates it without type arguments. Remove them, or annotate a"
                + " subclass that fixes them.")
        .inFile(service)
        .onLine(6);
  }

  @Test
  void staticNestedServiceWithPackagePrivateNoArgConstructorIsValid() {
    JavaFileObject service =
        source(
            "com.example.Outer",
            """
            package com.example;

            import dev.lifecycle.*;

            public class Outer {
              @Service
              static class Model {
                Model() {}

                Model(String config) {}
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Outer_Model_Lifecycle");
  }
}
