package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entry point of a service that callers invoke by name, with arguments and a result.
 *
 * <p>The method's simple name is its name for callers, so it must be unique within the service:
 * overloads are a compile error. A method cannot also be a lifecycle hook.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Method {}
