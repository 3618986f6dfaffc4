package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.UUID;

/**
 * A snapshot-enabled service whose own code links nothing after a restore but what the runtime
 * prepares for at the snapshot point (a post-snapshot hook drawing a {@code UUID}, the pattern of
 * a container's own id): what a clone of it links on its way to serving is the runtime's.
 */
@Service(enableMemorySnapshot = true)
public class LinkingService {

  private volatile String model;
  private volatile String containerId;

  @Enter(snap = true)
  void load() {
    model = "weights";
  }

  @Enter
  void start() {
    containerId = UUID.randomUUID().toString();
  }

  @Method
  public String predict(String input) {
    return model + ":" + input + (containerId != null ? "" : "?");
  }
}
