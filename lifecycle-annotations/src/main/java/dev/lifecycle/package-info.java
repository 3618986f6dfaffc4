/**
 * The annotations of Lifecycle: {@link dev.lifecycle.Service} marks a class whose instances live
 * in containers; {@link dev.lifecycle.Enter} and {@link dev.lifecycle.Exit} mark its lifecycle
 * hooks; {@link dev.lifecycle.Method} marks its entry points. {@link dev.lifecycle.Server} marks a
 * class that runs an HTTP server of its own, and {@link dev.lifecycle.WebEndpoint}, {@link
 * dev.lifecycle.WebApp} and {@link dev.lifecycle.WebServer} mark the methods that serve HTTP.
 * {@link dev.lifecycle.Parameter} marks a field each container sets from its configuration.
 */
package dev.lifecycle;
