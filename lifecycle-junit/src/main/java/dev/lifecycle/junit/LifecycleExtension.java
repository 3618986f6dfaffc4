package dev.lifecycle.junit;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerBuilder;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a container of a {@code @Service} around JUnit tests and hands it to them.
 *
 * <p>Declare it with {@link LifecycleTest}, or, to set options, listeners or a check at the
 * snapshot point, register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LifecycleExtension MODEL =
 *     LifecycleExtension.forService(MLModel.class)
 *         .scope(ContainerScope.PER_TEST)
 *         .configure(container -> container.inputTimeout(Duration.ofSeconds(5)))
 *         .simulateSnapshot(model -> assertThat(model.requestId()).isNull())
 *         .build();
 * }</pre>
 *
 * <p>Test constructors, lifecycle and test methods can take the service instance (its type or a
 * supertype), the {@link Container} or its {@link dev.lifecycle.runtime.Timeline} as parameters; fields annotated
 * {@link LifecycleInject} get them too. The exit hooks run after the last test of the class
 * ({@link ContainerScope#PER_CLASS}) or after each test ({@link ContainerScope#PER_TEST}); a
 * failing exit hook fails the class or the test. {@code @Nested} classes share their enclosing
 * class's per-class container.
 */
public final class LifecycleExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(LifecycleExtension.class);

  /** {@code null} when declared through {@link LifecycleTest}: read from the test class then. */
  private final Settings<?> registered;

  /** Used by {@link LifecycleTest}; the settings come from that annotation. */
  public LifecycleExtension() {
    this.registered = null;
  }

  private LifecycleExtension(Settings<?> settings) {
    this.registered = settings;
  }

  /** Starts building an extension for {@code serviceClass}, to register with {@code @RegisterExtension}. */
  public static <T> Builder<T> forService(Class<T> serviceClass) {
    return new Builder<>(serviceClass);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Settings<?> settings = settings(context);
    if (settings.scope() == ContainerScope.PER_CLASS) {
      Started started = classContainer(context, settings);
      FieldInjector.injectStatic(context.getRequiredTestClass(), started, settings.serviceClass());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Settings<?> settings = settings(context);
    Started started;
    if (settings.scope() == ContainerScope.PER_TEST) {
      started = Started.start(settings, context.getUniqueId());
      context.getStore(NAMESPACE).put(settings.key(), started);
    } else {
      started = context.getStore(NAMESPACE).get(settings.key(), Started.class);
      if (started == null) {
        // beforeAll never ran: the extension sits in an instance field.
        throw new ExtensionConfigurationException(
            "LifecycleExtension for " + settings.serviceClass().getName() + " has scope PER_CLASS "
                + "but is registered in an instance field, so it never sees the class start. Make "
                + "the @RegisterExtension field static, or use ContainerScope.PER_TEST.");
      }
    }
    FieldInjector.injectStatic(context.getRequiredTestClass(), started, settings.serviceClass());
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      FieldInjector.injectInstance(instance, started, settings.serviceClass());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Settings<?> settings = settings(context);
    if (settings.scope() == ContainerScope.PER_TEST) {
      Started started = context.getStore(NAMESPACE).remove(settings.key(), Started.class);
      if (started != null) {
        started.container().close();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Settings<?> settings = settings(context);
    if (settings.scope() == ContainerScope.PER_CLASS) {
      Started started = context.getStore(NAMESPACE).get(settings.key(), Started.class);
      // A @Nested class sees its enclosing class's container; only the starter closes it.
      if (started != null && started.owner().equals(context.getUniqueId())) {
        context.getStore(NAMESPACE).remove(settings.key());
        started.container().close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return Injectable.supports(parameter.getParameter().getParameterizedType(), settings(context).serviceClass());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Settings<?> settings = settings(context);
    Started started = context.getStore(NAMESPACE).get(settings.key(), Started.class);
    if (started == null) {
      if (settings.scope() == ContainerScope.PER_TEST) {
        throw new ParameterResolutionException(
            "The per-test container of " + settings.serviceClass().getName() + " starts after the "
                + "test instance is created, so " + parameter.getDeclaringExecutable() + " cannot "
                + "take it. Take it as a parameter of the test method or of a @BeforeEach method, "
                + "or in a @LifecycleInject field.");
      }
      // A constructor parameter under @TestInstance(PER_CLASS): the instance comes before beforeAll.
      started = classContainer(context, settings);
    }
    return Injectable.value(parameter.getParameter().getType(), started);
  }

  private Settings<?> settings(ExtensionContext context) {
    return registered != null ? registered : Settings.fromAnnotation(context.getRequiredTestClass());
  }

  /** The per-class container of this class or an enclosing one; started here if there is none. */
  private static Started classContainer(ExtensionContext context, Settings<?> settings) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext.Store store = classContext.getStore(NAMESPACE);
    Started started = store.get(settings.key(), Started.class);
    if (started == null) {
      started = Started.start(settings, classContext.getUniqueId());
      store.put(settings.key(), started);
    }
    return started;
  }

  /** Builds a {@link LifecycleExtension} for {@code @RegisterExtension}. */
  public static final class Builder<T> {

    private final Class<T> serviceClass;
    private ContainerScope scope = ContainerScope.PER_CLASS;
    private Consumer<ContainerBuilder<T>> configure = builder -> {};
    private boolean simulateSnapshot;
    private JsonCalls jsonCalls = JsonCalls.WITH_SNAPSHOT;
    private Consumer<? super T> atSnapshot = instance -> {};

    private Builder(Class<T> serviceClass) {
      this.serviceClass = Objects.requireNonNull(serviceClass, "serviceClass");
    }

    /** One container per class (the default) or per test. */
    public Builder<T> scope(ContainerScope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** Sets options, listeners or a checkpoint engine on each container before it starts. */
    public Builder<T> configure(Consumer<ContainerBuilder<T>> configure) {
      this.configure = Objects.requireNonNull(configure, "configure");
      return this;
    }

    /** See {@link LifecycleTest#simulateSnapshot()}. */
    public Builder<T> simulateSnapshot() {
      this.simulateSnapshot = true;
      return this;
    }

    /**
     * Simulates the snapshot boundary and calls {@code atSnapshot} with the instance there: after
     * the {@code @Enter(snap = true)} hooks, before the others. What it throws fails the start.
     */
    public Builder<T> simulateSnapshot(Consumer<? super T> atSnapshot) {
      this.simulateSnapshot = true;
      this.atSnapshot = Objects.requireNonNull(atSnapshot, "atSnapshot");
      return this;
    }

    /** See {@link LifecycleTest#jsonCalls()}. */
    public Builder<T> jsonCalls(JsonCalls jsonCalls) {
      this.jsonCalls = Objects.requireNonNull(jsonCalls, "jsonCalls");
      return this;
    }

    public LifecycleExtension build() {
      return new LifecycleExtension(
          new Settings<>(serviceClass, scope, simulateSnapshot, jsonCalls, atSnapshot, configure));
    }
  }
}
