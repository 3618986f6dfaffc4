package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instances live in containers.
 *
 * <p>A container creates one instance with the no-argument constructor, runs its {@link Enter}
 * hooks, serves {@link Method} calls, and runs its {@link Exit} hooks when it stops. The class
 * must be concrete, top-level or a {@code static} nested class, not private, with a non-private
 * no-argument constructor; the annotation processor checks all of this at compile time and
 * generates a dispatcher named {@code <Class>_Lifecycle} (nesting flattened, e.g.
 * {@code Outer_Inner_Lifecycle}) that calls the hooks and methods without reflection.
 *
 * <pre>{@code
 * @Service(enableMemorySnapshot = true)
 * public class MLModel {
 *   Model model;
 *   @Enter(snap = true) void load()   { model = Model.load("model.bin"); }
 *   @Method String predict(String in) { return model.run(in); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Service {

  /**
   * Whether containers of this service start from a memory snapshot.
   *
   * <p>When {@code true}, the {@code @Enter(snap = true)} hooks run once, in the first container;
   * the process is then checkpointed, and every later container is restored from that image and
   * runs only the post-snapshot {@code @Enter} hooks. Without a working snapshot engine the
   * runtime falls back to cold starts and says why. {@code @Enter(snap = true)} requires this
   * attribute to be {@code true}.
   */
  boolean enableMemorySnapshot() default false;

  /**
   * How many calls one container serves at the same time. With the default, 1, calls run one at
   * a time in arrival order; above 1 they run in parallel up to this limit, and further calls
   * wait. Must be at least 1.
   */
  int maxConcurrentInputs() default 1;

  /**
   * How long one call may run, in seconds, before it fails with a timeout and its thread is
   * interrupted. Must be at least 1.
   */
  int inputTimeoutSeconds() default 300;

  /**
   * How long a stopping container lets calls in flight finish, in seconds, before its exit hooks
   * run anyway; calls still running then are reported. Must be at least 0.
   */
  int exitGracePeriodSeconds() default 30;
}
