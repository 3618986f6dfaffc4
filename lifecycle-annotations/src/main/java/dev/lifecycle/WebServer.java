package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method that starts a web server of its own, listening on {@link #port()}: the container calls
 * it once, after the enter hooks, then waits until the port accepts connections before the
 * container reports ready. Clients talk to that port directly.
 *
 * <p>The method takes no parameters and is synchronous (it does not return a {@code Future} or a
 * {@code CompletionStage}): the server it starts keeps running after it returns. It must not be
 * {@code private}, {@code static}, {@code abstract} or generic, and cannot also be a lifecycle
 * hook, a {@link Method} or another web form ({@link WebEndpoint}, {@link WebApp}). No two such
 * methods of a service, its own or inherited, share a port. Web annotations are not allowed in a
 * {@link Server} class.
 *
 * <pre>{@code
 * @WebServer(port = 8000)
 * void serve() throws IOException {
 *   HttpServer server = HttpServer.create(new InetSocketAddress(8000), 0);
 *   server.createContext("/", exchange -> { ... });
 *   server.start();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebServer {

  /** The TCP port the server the method starts listens on, from 1 to 65535. */
  int port();

  /**
   * How long, in seconds, the container waits after calling the method for {@link #port()} to
   * accept connections; when it does not, the start fails with a message naming the port. Must be
   * at least 1.
   */
  int startupTimeoutSeconds() default 60;
}
