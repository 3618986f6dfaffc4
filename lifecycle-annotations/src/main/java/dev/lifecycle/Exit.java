package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hook that runs when a container stops: after the last call, on scale-down, or when the
 * process is asked to terminate.
 *
 * <p>The method takes no parameters, returns {@code void} and is synchronous. Subclass exit
 * hooks run before superclass exit hooks, hooks of one class in declaration order. Every exit
 * hook runs even when another one throws, and they also run when an enter hook failed, so that
 * resources opened by earlier enter hooks are released.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Exit {}
