package dev.lifecycle.runtime.internal;

import java.util.Objects;

/**
 * A container's id, which may change at its snapshot point: a clone restored from a memory
 * snapshot starts with the id of the container that was checkpointed and continues under its
 * own. Everything that names the container holds this and reads it when it speaks, so messages,
 * events and new threads use the current id.
 */
public final class ContainerName {

  private volatile String id;

  public ContainerName(String id) {
    this.id = requireId(id);
  }

  public String get() {
    return id;
  }

  /** From now on the container is {@code newId}. */
  void rename(String newId) {
    id = requireId(newId);
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a container id must not be blank");
    }
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
