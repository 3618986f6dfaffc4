package dev.lifecycle.runtime.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Tells whether something accepts TCP connections on a local port, the way a client in the same
 * container would find out: by connecting.
 *
 * <p>It probes {@code 127.0.0.1} only. A server bound to all interfaces ({@code 0.0.0.0} or a
 * dual-stack {@code ::}, what {@code new InetSocketAddress(port)} gives) or to the loopback
 * address accepts there; a server bound to one external interface only does not, and is not
 * reachable the way Lifecycle reaches servers, so reporting it not ready is the truth.
 */
public final class PortProbe {

  /** How often {@link #awaitAccepting} tries: short against startup times, cheap on loopback. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(25);

  /** A loopback connect is answered at once; this only bounds a firewall dropping packets. */
  private static final int CONNECT_TIMEOUT_MILLIS = 250;

  private PortProbe() {}

  /** Whether a connection to {@code 127.0.0.1:port} succeeds now; the connection is closed again. */
  public static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /**
   * Polls {@link #accepts} until it succeeds or {@code timeout} has passed.
   *
   * @return whether the port accepted a connection in time
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public static boolean awaitAccepting(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (accepts(port)) {
        return true;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      Thread.sleep(Math.max(1, Math.min(POLL_INTERVAL.toMillis(), remaining / 1_000_000)));
    }
  }
}
