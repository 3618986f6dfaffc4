package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose containers run an HTTP server of their own: its {@link Enter} hook starts
 * the server on {@link #port()}, its {@link Exit} hook stops it.
 *
 * <p>The container runs the enter hooks, then waits until the port accepts connections before it
 * reports ready; stopping runs the exit hooks and stops the child processes the enter phase
 * started that still run (see {@link #exitGracePeriodSeconds()}). A server class has at least one {@link Enter} hook (the one that starts the server), no {@link Method}s (it only serves
 * HTTP), no web annotations ({@link WebEndpoint}, {@link WebApp}, {@link WebServer}: it is itself
 * the web server) and no constructor with parameters. Otherwise the rules of {@link Service}
 * apply: a concrete, top-level or {@code static} nested, non-private class without type
 * parameters, with a non-private no-argument constructor. A class cannot be both a server and a
 * {@link Service} or {@link FunctionService}. The annotation processor checks all of this at
 * compile time and generates a dispatcher for the hooks, as for a service.
 *
 * <pre>{@code
 * @Server(port = 8000)
 * public class StaticFiles {
 *   Process server;
 *   @Enter void start() throws IOException {
 *     server = new ProcessBuilder("python3", "-m", "http.server", "8000").inheritIO().start();
 *   }
 *   @Exit void stop() throws InterruptedException { server.destroy(); server.waitFor(); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Server {

  /** The TCP port the server listens on, from 1 to 65535. */
  int port();

  /**
   * How long, in seconds, the container waits after the enter hooks for {@link #port()} to accept
   * connections; when it does not, the start fails with a message naming the port. Must be at
   * least 1.
   */
  int startupTimeoutSeconds() default 60;

  /**
   * How long, in seconds, a stopping container waits before it stops what is left of the server.
   * Must be at least 0.
   *
   * <p>In one JVM ({@code Container}) the exit hooks are not cut short: they run to completion.
   * The container's processes, the child processes that appeared during its enter phase (from
   * before its constructor to the end of its enter hooks and readiness check) with their own
   * children, are terminated (SIGTERM, then SIGKILL) when this period, counted from the start of
   * the exit hooks, ends or when the exit hooks return, whichever comes first. Processes started later by others are left alone. In a worker
   * JVM of a {@code ContainerPool}, the worker is killed, exit hooks and processes with it, when
   * its stop takes longer than this period plus {@code ContainerPool.EXIT_ALLOWANCE_SECONDS}.
   */
  int exitGracePeriodSeconds() default 30;

  /**
   * As {@link Service#enableMemorySnapshot()}: the {@code @Enter(snap = true)} hooks run before the
   * snapshot, so the server itself must be started by a hook without {@code snap = true} (a
   * listening socket cannot be checkpointed).
   */
  boolean enableMemorySnapshot() default false;
}
