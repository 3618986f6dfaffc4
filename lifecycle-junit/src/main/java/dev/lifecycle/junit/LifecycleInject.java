package dev.lifecycle.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that the {@link LifecycleExtension} fills: with the service instance (a field
 * of the service's type or a supertype of it), the {@link dev.lifecycle.runtime.Container}, or its
 * {@link dev.lifecycle.runtime.Timeline}. Static fields are filled before {@code @BeforeAll}
 * methods when the container is {@link ContainerScope#PER_CLASS}; instance fields before each
 * test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LifecycleInject {}
