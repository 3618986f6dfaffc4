/**
 * The annotations of Lifecycle: {@link dev.lifecycle.Service} marks a class whose instances live
 * in containers; {@link dev.lifecycle.Enter} and {@link dev.lifecycle.Exit} mark its lifecycle
 * hooks; {@link dev.lifecycle.Method} marks its entry points.
 */
package dev.lifecycle;
