package dev.lifecycle.runtime.checkpoint;

import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.util.Objects;
import java.util.function.Consumer;

/** What a {@link CheckpointEngine} gets at the snapshot point. */
public final class SnapshotPoint {

  private final ServiceDescriptor service;
  private final String containerId;
  private final Object instance;
  private final Consumer<String> rename;

  /**
   * @param service the service being started
   * @param containerId the container, e.g. {@code MLModel#1}
   * @param instance the service instance, after its {@code @Enter(snap = true)} hooks ran; engines
   *     that snapshot the whole process do not need it, in-JVM simulations may inspect it
   * @param rename what {@link #continueAs} does
   */
  public SnapshotPoint(ServiceDescriptor service, String containerId, Object instance,
      Consumer<String> rename) {
    this.service = Objects.requireNonNull(service, "service");
    this.containerId = Objects.requireNonNull(containerId, "containerId");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.rename = Objects.requireNonNull(rename, "rename");
  }

  public ServiceDescriptor service() {
    return service;
  }

  /** The container's id at the snapshot point. */
  public String containerId() {
    return containerId;
  }

  public Object instance() {
    return instance;
  }

  /**
   * For an engine whose process is restored as another container (a clone of the image): from
   * now on this container is {@code newId}, in its events, messages and {@code Container.id()}.
   */
  public void continueAs(String newId) {
    rename.accept(newId);
  }

  @Override
  public String toString() {
    return "SnapshotPoint[" + service.serviceName() + ", " + containerId + "]";
  }
}
