package dev.lifecycle.runtime.supervisor;

import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How many containers a pool may run of a service that listens on ports it declares itself ({@code
 * @Server(port)}, {@code @WebServer(port)}). Worker JVMs of one machine share its network
 * namespace: a second container would fail to bind the port, or worse, its readiness check would
 * find the first container's server and report a server that is not there. So such services run
 * one container per pool. Web endpoints and apps are not affected: every container serves them on
 * a port of its own, chosen when it starts.
 */
final class FixedPorts {

  /** The pool's default when the service's ports are free to choose. */
  static final int DEFAULT_MAX_CONTAINERS = 4;

  private FixedPorts() {}

  /**
   * The pool's maximum of containers: the one the builder was given, else the default.
   *
   * @throws IllegalArgumentException when the builder asked for more than one container, or a
   *     minimum above one, of a service on fixed ports
   */
  static int maxContainers(LocalService service, PoolConfig config) {
    List<Integer> ports = service.descriptor().map(FixedPorts::ports).orElse(List.of());
    if (ports.isEmpty()) {
      return config.maxContainers().orElse(DEFAULT_MAX_CONTAINERS);
    }
    int asked = Math.max(config.maxContainers().orElse(1), config.minContainers());
    if (asked > 1) {
      String portList = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
      throw new IllegalArgumentException("Service " + service.serviceName() + " listens on port "
          + portList + " itself, and the containers of one machine share its network, so only one"
          + " container can listen there; the pool was asked for " + asked + ". Use"
          + " maxContainers(1) and minContainers(0 or 1), or serve HTTP through @WebEndpoint or"
          + " @WebApp methods, which every container serves on a port of its own.");
    }
    return 1;
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
