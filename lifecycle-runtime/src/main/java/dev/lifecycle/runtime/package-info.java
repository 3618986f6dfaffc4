/**
 * Containers of {@code @Service} classes in this JVM: {@link dev.lifecycle.runtime.Container} and its
 * builder, the observation types, and every exception a caller catches.
 */
package dev.lifecycle.runtime;
