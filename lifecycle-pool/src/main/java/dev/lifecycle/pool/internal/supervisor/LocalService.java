package dev.lifecycle.pool.internal.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.pool.internal.protocol.ArgumentCodec;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.runtime.internal.Dispatchers;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * What the supervisor knows about the service from its own class path, when the service class is
 * there too (a demo, a test): its descriptor, so results become the declared return types and an
 * unknown method becomes {@link dev.lifecycle.runtime.UnknownMethodException}. A supervisor
 * without the class (a CLI) decodes results as plain JSON values.
 *
 * <p>The class is loaded without being initialized; its generated dispatcher is created, never an
 * instance of the service.
 */
public final class LocalService {

  private static final System.Logger LOG = System.getLogger(LocalService.class.getName());

  private final String serviceName;
  private final ServiceDescriptor descriptor;

  private LocalService(String serviceName, ServiceDescriptor descriptor) {
    this.serviceName = serviceName;
    this.descriptor = descriptor;
  }

  public static LocalService find(String serviceClassName, ClassLoader loader) {
    try {
      Class<?> serviceClass = Class.forName(serviceClassName, false, loader);
      return new LocalService(serviceClass.getName().replace('$', '.'),
          Dispatchers.of(serviceClass).descriptor());
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "service " + serviceClassName + " is not loadable in the supervisor ("
          + e + "); results are decoded as plain JSON values");
      return new LocalService(serviceClassName.replace('$', '.'), null);
    }
  }

  /** The service's name in messages, as the in-JVM runtime spells it. */
  public String serviceName() {
    return serviceName;
  }

  public Optional<ServiceDescriptor> descriptor() {
    return Optional.ofNullable(descriptor);
  }

  /** Whether the service is known to take memory snapshots; empty when unknown. */
  public Optional<Boolean> memorySnapshotEnabled() {
    return descriptor().map(ServiceDescriptor::memorySnapshotEnabled);
  }

  /** A result as the method's declared return type, or as plain JSON values when unknown. */
  public Object decodeResult(String method, JsonNode value) {
    Optional<MethodDescriptor> declared = descriptor().flatMap(d -> d.method(method));
    if (declared.isPresent()) {
      return ArgumentCodec.decodeResult(descriptor, declared.get(), value);
    }
    return FrameChannel.JSON.convertValue(value, Object.class);
  }
}
