package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP servers Lifecycle runs (a container's web frontend, a pool's web address)
 * with Nagle's algorithm off and a bound on how long a request may take to arrive.
 *
 * <p>The JDK's server writes a response's headers and body separately; with Nagle's algorithm on,
 * the body waits for the client's delayed ACK of the headers, about 40 ms on Linux, on every
 * request. The server turns {@code TCP_NODELAY} on only when the system property {@value
 * #NO_DELAY} is {@code true} when its configuration is first read, once per JVM: this class sets
 * it before the first server is created, unless the application set it (either way) itself.
 *
 * <p>Likewise {@value #MAX_REQUEST_TIME}: a client that sends half a request (its headers or its
 * body) would otherwise hold its connection and a thread for ever; after {@value
 * #DEFAULT_MAX_REQUEST_SECONDS} s the server closes it. The time counts until the request body
 * has been read, not while a method runs.
 */
public final class HttpServers {

  /** The JDK server's switch for {@code TCP_NODELAY} on accepted connections. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";
  /** The JDK server's bound, in seconds, on receiving a whole request. */
  static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
  /** Two minutes: a 64 MiB body over a slow link arrives in time, a stalled one does not stay. */
  static final String DEFAULT_MAX_REQUEST_SECONDS = "120";

  static {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    if (System.getProperty(MAX_REQUEST_TIME) == null) {
      System.setProperty(MAX_REQUEST_TIME, DEFAULT_MAX_REQUEST_SECONDS);
    }
  }

  private HttpServers() {}

  /**
   * A server bound to {@code address}, not started; its connections have no Nagle delay, and a
   * request that does not arrive whole in time is closed.
   */
  public static HttpServer create(InetSocketAddress address) throws IOException {
    return HttpServer.create(address, 0);
  }
}
