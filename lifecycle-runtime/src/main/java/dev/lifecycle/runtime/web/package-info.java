/**
 * The web half of a container: {@link dev.lifecycle.runtime.web.WebFrontend} serves {@code
 * @WebEndpoint}s and {@code @WebApp}s over HTTP, {@link dev.lifecycle.runtime.web.PortProbe} tells
 * when a {@code @Server} or {@code @WebServer} accepts connections.
 *
 * <p>Runtime internals: {@link dev.lifecycle.runtime.Container} drives them; they are public only
 * for the runtime's own packages.
 */
package dev.lifecycle.runtime.web;
