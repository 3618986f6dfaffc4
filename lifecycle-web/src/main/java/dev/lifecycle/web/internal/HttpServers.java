package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP servers Lifecycle runs (a container's web frontend, a pool's web address)
 * with Nagle's algorithm off.
 *
 * <p>The JDK's server writes a response's headers and body separately; with Nagle's algorithm on,
 * the body waits for the client's delayed ACK of the headers, about 40 ms on Linux, on every
 * request. The server turns {@code TCP_NODELAY} on only when the system property {@value
 * #NO_DELAY} is {@code true} when its configuration is first read, once per JVM: this class sets
 * it before the first server is created, unless the application set it (either way) itself.
 */
public final class HttpServers {

  /** The JDK server's switch for {@code TCP_NODELAY} on accepted connections. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private HttpServers() {}

  /** A server bound to {@code address}, not started; its connections have no Nagle delay. */
  public static HttpServer create(InetSocketAddress address) throws IOException {
    return HttpServer.create(address, 0);
  }
}
