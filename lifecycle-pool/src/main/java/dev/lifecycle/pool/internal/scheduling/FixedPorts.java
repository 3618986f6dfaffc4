package dev.lifecycle.pool.internal.scheduling;

import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.supervisor.LocalService;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How many containers a pool runs of a service that listens on ports it declares itself ({@code
 * @Server(port)}, {@code @WebServer(port)}). Worker JVMs of one machine share its network
 * namespace: a second container would fail to bind the port, or worse, its readiness check would
 * find the first container's server and report a server that is not there. And the pool does not
 * see the traffic to such a port, so it can neither start a container when a client connects nor
 * tell that one is idle. So such a pool runs exactly one container, started when the pool is built
 * and kept until it closes (replaced if it dies). Web endpoints and apps are not affected: every
 * container serves them on a port of its own, and their requests reach it through the pool.
 */
public final class FixedPorts {

  /** The pool's default maximum when the service's ports are free to choose. */
  public static final int DEFAULT_MAX_CONTAINERS = 4;

  /** The containers a pool keeps at least and runs at most. */
  public record PoolSize(int min, int max) {}

  private FixedPorts() {}

  /**
   * The pool's size: the builder's, or for a service on fixed ports one container exactly.
   *
   * @throws IllegalArgumentException when the builder asked for more than one container, at most
   *     or at least, of a service on fixed ports
   */
  public static PoolSize poolSize(LocalService service, PoolConfig config) {
    List<Integer> ports = service.descriptor().map(FixedPorts::ports).orElse(List.of());
    if (ports.isEmpty()) {
      return new PoolSize(config.minContainers(), config.maxContainers().orElse(DEFAULT_MAX_CONTAINERS));
    }
    int asked = Math.max(config.maxContainers().orElse(1), config.minContainers());
    if (asked > 1) {
      String portList = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
      throw new IllegalArgumentException("Service " + service.serviceName() + " listens on "
          + (ports.size() == 1 ? "port " : "ports ") + portList + " itself, and the containers of"
          + " one machine share its network, so only one container can listen there; the pool was"
          + " asked for " + asked + ". Leave maxContainers and minContainers unset (such a pool runs"
          + " exactly one container), or serve HTTP through @WebEndpoint or @WebApp methods, which"
          + " every container serves on a port of its own.");
    }
    return new PoolSize(1, 1);
  }
  /** The ports the service's own code listens on, in declaration order. */
  static List<Integer> ports(ServiceDescriptor service) {
    List<Integer> ports = new ArrayList<>();
    if (service.isServer()) {
      ports.add(service.server().port());
    }
    for (WebMethodDescriptor web : service.webMethods(WebMethodDescriptor.Kind.SERVER)) {
      ports.add(web.port());
    }
    return ports;
  }
}
