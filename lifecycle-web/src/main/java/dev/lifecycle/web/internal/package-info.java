/**
 * The web half of a container: {@link dev.lifecycle.web.internal.JdkWebFrontend} serves {@code
 * @WebEndpoint}s and {@code @WebApp}s over HTTP, {@link dev.lifecycle.runtime.internal.PortProbe} tells
 * when a {@code @Server} or {@code @WebServer} accepts connections.
 *
 * <p>Runtime internals: {@link dev.lifecycle.runtime.Container} drives them; they are public only
 * for the runtime's own packages.
 */
package dev.lifecycle.web.internal;
