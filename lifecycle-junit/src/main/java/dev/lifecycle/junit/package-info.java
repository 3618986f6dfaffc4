/**
 * Tests {@code @Service} classes in real containers: {@link dev.lifecycle.junit.LifecycleTest} or
 * {@link dev.lifecycle.junit.LifecycleExtension} start one around the tests and inject the instance
 * or the container; {@link dev.lifecycle.junit.SimulatedSnapshot} lets a test cross the snapshot
 * boundary in the same JVM.
 */
package dev.lifecycle.junit;
