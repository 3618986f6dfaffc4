package dev.lifecycle.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of the annotated class against a container of a {@code @Service}: the container
 * starts before the tests (its enter hooks run), the tests receive the instance or the container
 * as parameters or {@link LifecycleInject} fields, and its exit hooks run after them.
 *
 * <pre>{@code
 * @LifecycleTest(MLModel.class)
 * class MLModelTest {
 *   @Test void predicts(MLModel model) { assertThat(model.predict("hi")).isNotEmpty(); }
 *   @Test void viaTheContainer(Container<MLModel> container) { container.call("predict", "hi"); }
 * }
 * }</pre>
 *
 * For options, a snapshot callback or listeners, register {@link LifecycleExtension#forService}
 * with {@code @RegisterExtension} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LifecycleExtension.class)
public @interface LifecycleTest {

  /** The {@code @Service} class. */
  Class<?> value();

  /** One container per class (the default) or per test. */
  ContainerScope scope() default ContainerScope.PER_CLASS;

  /**
   * Crosses a simulated snapshot boundary: the {@code @Enter(snap = true)} hooks run, then the
   * container is "restored" (its snapshot outcome is {@code RESTORED}), then the other enter
   * hooks run, as a restored container would. Requires {@code @Service(enableMemorySnapshot =
   * true)}.
   */
  boolean simulateSnapshot() default false;

  /**
   * Whether calls through the {@code Container} cross a pool's JSON encoding, as they would in
   * production: by default when {@link #simulateSnapshot()} is set. See {@link JsonCalls}.
   */
  JsonCalls jsonCalls() default JsonCalls.WITH_SNAPSHOT;

  /**
   * Values of the service's {@code @Parameter} fields, each {@code "name=value"} (the value is
   * everything after the first {@code =}), as {@code ContainerBuilder.parameter(name, value)} sets
   * them: {@code parameters = {"size=LARGE", "threads=2"}}.
   */
  String[] parameters() default {};
}
