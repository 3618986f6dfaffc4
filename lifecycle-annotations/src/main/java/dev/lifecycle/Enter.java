package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hook that runs when a container starts, before it serves any call.
 *
 * <p>The method takes no parameters, returns {@code void} and is synchronous: the container
 * waits for it to return. It must not be {@code private}, {@code static} or {@code abstract}.
 *
 * <p>All {@code snap = true} hooks run before any other enter hook, wherever they are declared.
 * Within each group, superclass hooks run before subclass hooks, and hooks of one class run in
 * declaration order. A method that overrides a hook runs once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Enter {

  /**
   * Whether this hook runs before the memory snapshot.
   *
   * <p>A {@code snap = true} hook runs once, in the container that is checkpointed; what it
   * builds (a loaded model, an index, warmed-up code) is part of the snapshot, and restored
   * containers skip it. Without a snapshot it still runs, once per container, right before the
   * other enter hooks. Requires {@link Service#enableMemorySnapshot()} (or {@link
   * Server#enableMemorySnapshot()}).
   *
   * <p>Anything that must differ between containers (ids, random seeds, network connections,
   * open files) belongs in a hook with {@code snap = false}.
   */
  boolean snap() default false;
}
