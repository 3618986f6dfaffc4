package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rule 4: a method is one kind of member. {@code @Enter} or {@code @Exit} with {@code @Method}, in
 * either order, is LC104; {@code @Enter} with {@code @Exit} is LC105.
 */
class CombinationRulesTest {

  @Test
  void enterMustNotBeCombinedWithMethod() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Enter
              @Method
              void start() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC104] Method Model.start() is annotated both @Enter and @Method. A lifecycle hook is"
                + " called by the container, a @Method by callers: split it into two methods (both"
                + " may call one private helper).")
        .inFile(service)
        .onLine(9);
  }

  @Test
  void methodMustNotBeCombinedWithEnter() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Method
              @Enter
              void start() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC104] Method Model.start() is annotated both @Enter and @Method. A lifecycle hook is"
                + " called by the container, a @Method by callers: split it into two methods (both"
                + " may call one private helper).")
        .inFile(service)
        .onLine(9);
  }

  @Test
  void exitMustNotBeCombinedWithMethod() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Method
              @Exit
              void stop() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC104] Method Model.stop() is annotated both @Exit and @Method. A lifecycle hook is"
                + " called by the container, a @Method by callers: split it into two methods (both"
                + " may call one private helper).")
        .inFile(service)
        .onLine(9);
  }

  @Test
  void enterMustNotBeCombinedWithExit() {
    JavaFileObject service =
        source(
            "com.example.Model",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Model {
              @Exit
              @Enter
              void cycle() {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC105] Method Model.cycle() is annotated both @Enter and @Exit. Use one method for"
                + " each phase (both may call one private helper).")
        .inFile(service)
        .onLine(9);
  }
}
