package dev.lifecycle.runtime.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * Where a container's web frontend listens.
 *
 * @param address the local address to bind; loopback unless the container is configured otherwise
 * @param port the port, 0 for a free one chosen by the system
 */
public record WebBinding(InetAddress address, int port) {

  /** Loopback, a free port: reachable from this machine only, never clashing with another. */
  public static final WebBinding DEFAULT = new WebBinding(InetAddress.getLoopbackAddress(), 0);

  public WebBinding {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("web port must be from 0 (any free port) to 65535, was " + port);
    }
  }

  public WebBinding withPort(int newPort) {
    return new WebBinding(address, newPort);
  }

  public WebBinding withAddress(InetAddress newAddress) {
    return new WebBinding(newAddress, port);
  }

  /** Where a server listening on {@code bound} is reached from this machine. */
  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }

  /**
   * {@code http://127.0.0.1:PORT/} for a server bound to {@code bound}: bound to all interfaces,
   * it is reached locally through loopback like any other address.
   */
  public static URI httpAddress(InetSocketAddress bound) {
    InetAddress reachable = bound.getAddress().isAnyLocalAddress()
        ? InetAddress.getLoopbackAddress()
        : bound.getAddress();
    String host = reachable.getHostAddress();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }
}
