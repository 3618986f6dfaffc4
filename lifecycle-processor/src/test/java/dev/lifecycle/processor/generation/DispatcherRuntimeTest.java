package dev.lifecycle.processor.generation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.generatedSource;
import static dev.lifecycle.processor.testing.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.lifecycle.processor.testing.CompiledClasses;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.HookFailedException;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.internal.Dispatchers;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compiles services, loads their generated dispatchers and runs them. */
class DispatcherRuntimeTest {

  private static final JavaFileObject BASE =
      source(
          "com.example.base.Base",
          """
          package com.example.base;

          import dev.lifecycle.*;
          import dev.lifecycle.processor.generation.Events;

          public abstract class Base {
            @Enter(snap = true)
            public void baseSnap() { Events.record("base snap"); }

            @Enter
            public void baseEnter() { Events.record("base enter"); }

            @Enter
            public void overridden() { Events.record("base overridden"); }

            @Exit
            public void baseExit() { Events.record("base exit"); }

            @Exit
            public void baseExitTwo() { Events.record("base exit two"); }
          }
          """);

  private static final JavaFileObject SERVICE =
      source(
          "com.example.Ordered",
          """
          package com.example;

          import com.example.base.Base;
          import dev.lifecycle.*;
          import dev.lifecycle.processor.generation.Events;
          import java.util.List;

          @Service(enableMemorySnapshot = true)
          public class Ordered extends Base {
            @Enter
            void enter() { Events.record("enter"); }

            @Enter(snap = true)
            void snap() { Events.record("snap"); }

            @Override
            public void overridden() { Events.record("sub overridden"); }

            @Exit
            void exit() { Events.record("exit"); }

            @Exit
            void exitTwo() { Events.record("exit two"); }

            @Method
            public String greet(String name, int times) { return (name + " ").repeat(times).trim(); }

            @Method
            long sum(List<Long> values) { return values.stream().mapToLong(Long::longValue).sum(); }

            @Method
            void touch() { Events.record("touched"); }

            @Method
            String fail(String message) { throw new IllegalStateException(message); }
          }
          """);

  private ServiceDispatcher<Object> dispatcher;
  private Object service;

  @BeforeEach
  void compileAndLoad() {
    Compilation compilation = compile(BASE, SERVICE);
    assertThat(compilation).succeededWithoutWarnings();
    dispatcher = load(compilation, "com.example.Ordered");
    service = dispatcher.newInstance();
    Events.takeAll();
  }

  @Test
  void snapHooksRunBeforeOtherEnterHooksSuperclassFirst() {
    dispatcher.enterBeforeSnapshot(service);
    dispatcher.enterAfterSnapshot(service);

    assertThat(Events.takeAll())
        .containsExactly("base snap", "snap", "base enter", "sub overridden", "enter");
  }

  @Test
  void exitHooksRunSubclassFirstInDeclarationOrder() {
    dispatcher.exit(service);

    assertThat(Events.takeAll()).containsExactly("exit", "exit two", "base exit", "base exit two");
  }

  @Test
  void overriddenHookRunsOnceAsTheOverride() {
    dispatcher.enterAfterSnapshot(service);

    assertThat(Events.takeAll()).containsOnlyOnce("sub overridden").doesNotContain("base overridden");
  }

  @Test
  void descriptorDescribesHooksMethodsAndSnapshots() {
    ServiceDescriptor descriptor = dispatcher.descriptor();

    assertThat(descriptor.memorySnapshotEnabled()).isTrue();
    assertThat(descriptor.serviceName()).isEqualTo("com.example.Ordered");
    assertThat(descriptor.hooks(HookPhase.ENTER_BEFORE_SNAPSHOT))
        .extracting(hook -> hook.displayName())
        .containsExactly("com.example.base.Base.baseSnap()", "com.example.Ordered.snap()");
    assertThat(descriptor.methods())
        .extracting(MethodDescriptor::signature)
        .containsExactly(
            "greet(java.lang.String name, int times)",
            "sum(java.util.List<java.lang.Long> values)",
            "touch()",
            "fail(java.lang.String message)");
    MethodDescriptor greet = descriptor.method("greet").orElseThrow();
    assertThat(greet.returnType()).isEqualTo(String.class);
    assertThat(greet.parameters().get(1).type()).isEqualTo(int.class);
  }

  @Test
  void invokesMethodsByNameWithArguments() throws Throwable {
    assertThat(dispatcher.invoke(service, "greet", new Object[] {"hi", 3})).isEqualTo("hi hi hi");
    assertThat(dispatcher.invoke(service, "sum", new Object[] {List.of(1L, 2L, 3L)})).isEqualTo(6L);
    assertThat(dispatcher.invoke(service, "touch", null)).isNull();
    assertThat(Events.takeAll()).containsExactly("touched");
  }

  @Test
  void userExceptionsFromMethodsPropagateUnchanged() {
    assertThatThrownBy(() -> dispatcher.invoke(service, "fail", new Object[] {"boom"}))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void unknownMethodNameIsAClearError() {
    assertThatThrownBy(() -> dispatcher.invoke(service, "greeet", new Object[] {"hi", 1}))
        .isInstanceOf(UnknownMethodException.class)
        .hasMessage(
            "Service com.example.Ordered has no @Method named 'greeet'. Its methods are:"
                + " greet(java.lang.String name, int times), sum(java.util.List<java.lang.Long>"
                + " values), touch(), fail(java.lang.String message).");
  }

  @Test
  void hooksAreNotCallableAsMethods() {
    assertThatThrownBy(() -> dispatcher.invoke(service, "enter", new Object[0]))
        .isInstanceOf(UnknownMethodException.class);
  }

  @Test
  void wrongArgumentCountIsAClearError() {
    assertThatThrownBy(() -> dispatcher.invoke(service, "greet", new Object[] {"hi"}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessage(
            "Method greet(java.lang.String name, int times) of service com.example.Ordered takes"
                + " 2 arguments but was called with 1.");
  }

  @Test
  void wrongArgumentTypeIsAClearError() {
    assertThatThrownBy(() -> dispatcher.invoke(service, "greet", new Object[] {"hi", "3"}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessage(
            "Argument 2 (times) of method greet(java.lang.String name, int times) of service"
                + " com.example.Ordered has type java.lang.String, but the parameter is int.");
  }

  @Test
  void nullForAPrimitiveParameterIsAClearError() {
    assertThatThrownBy(() -> dispatcher.invoke(service, "greet", new Object[] {"hi", null}))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessageContaining("Argument 2 (times)")
        .hasMessageEndingWith("is null, but the parameter is a primitive int.");
  }

  @Test
  void nullForAReferenceParameterIsPassedThrough() throws Throwable {
    // The method itself decides what null means; greet concatenates it.
    assertThat(dispatcher.invoke(service, "greet", new Object[] {null, 2})).isEqualTo("null null");
  }

  @Test
  void generatedCodeUsesNoReflection() {
    Compilation compilation = compile(BASE, SERVICE);
    String generated = generatedSource(compilation, "com.example.Ordered_Lifecycle");

    assertThat(generated)
        .doesNotContain("java.lang.reflect")
        .doesNotContain("getMethod")
        .doesNotContain("getDeclaredMethod")
        .doesNotContain("Class.forName")
        .doesNotContain("MethodHandle");
  }

  @Test
  void failingEnterHookStopsThePhaseAndNamesTheHook() {
    ServiceDispatcher<Object> failing =
        load(
            compile(
                source(
                    "com.example.Failing",
                    """
                    package com.example;

                    import dev.lifecycle.*;
                    import dev.lifecycle.processor.generation.Events;

                    @Service
                    public class Failing {
                      @Enter void first() { Events.record("first"); }
                      @Enter void second() { throw new IllegalStateException("no database"); }
                      @Enter void third() { Events.record("third"); }
                      @Exit void closeOne() { Events.record("close one"); throw new RuntimeException("one"); }
                      @Exit void closeTwo() { Events.record("close two"); throw new RuntimeException("two"); }
                      @Exit void closeThree() { Events.record("close three"); }
                    }
                    """)),
            "com.example.Failing");
    Object instance = failing.newInstance();

    assertThatThrownBy(() -> failing.enterAfterSnapshot(instance))
        .isInstanceOf(HookFailedException.class)
        .hasMessage(
            "@Enter hook com.example.Failing.second() of service com.example.Failing failed:"
                + " java.lang.IllegalStateException: no database")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(Events.takeAll()).containsExactly("first");

    assertThatThrownBy(() -> failing.exit(instance))
        .isInstanceOf(HookFailedException.class)
        .hasMessageContaining("@Exit hook com.example.Failing.closeOne()")
        .satisfies(
            thrown ->
                assertThat(thrown.getSuppressed())
                    .singleElement()
                    .satisfies(
                        suppressed ->
                            assertThat(suppressed)
                                .hasMessageContaining("@Exit hook com.example.Failing.closeTwo()")));
    assertThat(Events.takeAll()).containsExactly("close one", "close two", "close three");
  }

  @Test
  void classWithoutDispatcherGetsAnErrorThatSaysWhatToCheck() {
    assertThatThrownBy(() -> Dispatchers.of(Events.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "No generated dispatcher dev.lifecycle.processor.generation.Events_Lifecycle for"
                + " dev.lifecycle.processor.generation.Events. Is it annotated"
                + " @dev.lifecycle.Service, and is lifecycle-processor on the annotation processor"
                + " path");
  }

  @SuppressWarnings("unchecked")
  private static ServiceDispatcher<Object> load(Compilation compilation, String serviceName) {
    assertThat(compilation).succeeded();
    Class<?> serviceClass = new CompiledClasses(compilation).load(serviceName);
    return (ServiceDispatcher<Object>) Dispatchers.of(serviceClass);
  }
}
