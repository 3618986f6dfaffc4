/**
 * Runs {@code @Service} classes in containers inside this JVM.
 *
 * <p>{@link dev.lifecycle.runtime.Container} is the entry point: start one for a service class
 * (options through {@link dev.lifecycle.runtime.ContainerBuilder}), call its methods by name, and
 * close it. {@link dev.lifecycle.runtime.internal.ContainerLifecycle} holds the phase logic, written once
 * for in-JVM containers and for checkpointed worker JVMs; {@link
 * dev.lifecycle.runtime.checkpoint.CheckpointEngine} is the snapshot step. {@link
 * dev.lifecycle.runtime.ContainerListener} and {@link dev.lifecycle.runtime.Timeline} observe the
 * phases. Library code logs through {@link java.lang.System.Logger}, under the class names of this
 * package.
 */
package dev.lifecycle.runtime;
