package dev.lifecycle.runtime.spi;

import java.util.Objects;

/**
 * One lifecycle hook of a service.
 *
 * @param index the hook's position in {@link ServiceDescriptor#hooks()}, which is also the
 *     number {@link ServiceDispatcher#callHook} takes
 * @param phase when the hook runs
 * @param declaringClass the canonical name of the class that declares the method (a superclass
 *     of the service for inherited hooks)
 * @param methodName the method's name
 */
public record HookDescriptor(int index, HookPhase phase, String declaringClass, String methodName) {

  public HookDescriptor {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(declaringClass, "declaringClass");
    Objects.requireNonNull(methodName, "methodName");
  }

  /** {@code com.example.Base.load()}: how messages name the hook. */
  public String displayName() {
    return declaringClass + "." + methodName + "()";
  }
}
