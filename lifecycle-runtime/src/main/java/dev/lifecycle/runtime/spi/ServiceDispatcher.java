package dev.lifecycle.runtime.spi;

import dev.lifecycle.runtime.HookObserver;
import dev.lifecycle.runtime.internal.HookRunner;

/**
 * Calls the hooks and methods of one {@code @Service} class without reflection.
 *
 * <p>The annotation processor generates one implementation per service, named {@code
 * <Service>_Lifecycle} in the service's package (nesting flattened: {@code Outer_Inner_Lifecycle}).
 * Generated code only creates instances and switches over hook indices and method names; the
 * ordering and failure rules of the phases live in the runtime's {@link HookRunner}, written once.
 *
 * @param <T> the service class
 */
public interface ServiceDispatcher<T> {

  /** What the processor appends to the service's flattened name to name its dispatcher. */
  String NAME_SUFFIX = "_Lifecycle";

  /** The service's hooks, methods and options, as the processor saw them. */
  ServiceDescriptor descriptor();

  /** A new instance, made with the service's no-argument constructor. */
  T newInstance();

  /**
   * Sets the {@code @Parameter} field {@code name} of {@code service} to {@code value}, converted
   * to the field's type by {@link ServiceParameters}. The container calls it right after {@link
   * #newInstance()}, before any hook, for each parameter it was given, once {@link
   * ServiceParameters#check} accepted them all.
   *
   * @throws IllegalArgumentException when the service has no parameter {@code name}, or {@code
   *     value} does not convert to its type
   */
  default void setParameter(T service, String name, String value) {
    // Dispatchers of services without parameters, and those generated before parameters existed.
    throw ServiceParameters.unknown(descriptor(), name);
  }

  /**
   * Calls one hook on {@code service}.
   *
   * @param hookIndex the hook's {@link HookDescriptor#index()}
   * @throws Throwable whatever the hook throws, unchanged
   */
  void callHook(T service, int hookIndex) throws Throwable;

  /**
   * Calls the {@code @Method} named {@code method} on {@code service}.
   *
   * @param args the arguments in declaration order; primitives boxed; {@code null} means none
   * @return the method's result, boxed; {@code null} for {@code void} methods
   * @throws dev.lifecycle.runtime.UnknownMethodException when the service has no {@code @Method} of that name
   * @throws dev.lifecycle.runtime.ArgumentMismatchException when the number or the types of {@code args} do not fit
   * @throws Throwable whatever the method throws, unchanged
   */
  Object invoke(T service, String method, Object[] args) throws Throwable;

  /**
   * Calls one web method on {@code service}: a {@code @WebEndpoint} with its arguments, a {@code
   * @WebApp} or a {@code @WebServer} without.
   *
   * @param webIndex the web method's {@link WebMethodDescriptor#index()}
   * @param args the arguments in declaration order; primitives boxed; {@code null} means none
   * @return the method's result, boxed; {@code null} for {@code void} methods
   * @throws dev.lifecycle.runtime.ArgumentMismatchException when the number or the types of {@code args} do not fit
   * @throws Throwable whatever the method throws, unchanged
   */
  default Object callWeb(T service, int webIndex, Object[] args) throws Throwable {
    // Dispatchers generated before web methods existed have none.
    throw new IndexOutOfBoundsException(
        "web method index " + webIndex + " out of range 0 until " + descriptor().webMethods().size());
  }

  /**
   * Runs the {@code @Enter(snap = true)} hooks in order, stopping at the first failure.
   *
   * @throws dev.lifecycle.runtime.HookFailedException naming the hook that failed, with its exception as the cause
   */
  default void enterBeforeSnapshot(T service) {
    HookRunner.runEnterHooks(this, service, HookPhase.ENTER_BEFORE_SNAPSHOT, HookObserver.NONE);
  }

  /**
   * Runs the post-snapshot {@code @Enter} hooks in order, stopping at the first failure.
   *
   * @throws dev.lifecycle.runtime.HookFailedException naming the hook that failed, with its exception as the cause
   */
  default void enterAfterSnapshot(T service) {
    HookRunner.runEnterHooks(this, service, HookPhase.ENTER_AFTER_SNAPSHOT, HookObserver.NONE);
  }

  /**
   * Runs every {@code @Exit} hook in order, even when some of them fail.
   *
   * @throws dev.lifecycle.runtime.HookFailedException for the first hook that failed, the failures of later hooks
   *     attached as suppressed exceptions
   */
  default void exit(T service) {
    HookRunner.runExitHooks(this, service, HookObserver.NONE);
  }
}
