package dev.lifecycle.runtime.checkpoint;

import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.util.Objects;

/**
 * What a {@link CheckpointEngine} gets at the snapshot point.
 *
 * @param service the service being started
 * @param containerId the container, e.g. {@code MLModel#1}
 * @param instance the service instance, after its {@code @Enter(snap = true)} hooks ran; engines
 *     that snapshot the whole process do not need it, in-JVM simulations may inspect it
 */
public record SnapshotPoint(ServiceDescriptor service, String containerId, Object instance) {

  public SnapshotPoint {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(instance, "instance");
  }
}
