package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.UUID;

/**
 * A snapshot-enabled service whose own code links nothing after a restore but what the runtime
 * prepares for at the snapshot point (a post-snapshot hook drawing a {@code UUID}, the pattern of
 * a container's own id) and one class of its own, {@link Answer}, which only its call loads: what
 * a clone of it links on its way to serving is the runtime's, and the answer's class shows that
 * the clone's log of its class loading works.
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
    return Answer.of(model, input, containerId);
  }

  /** The call's answer; nothing before the first call loads this class. */
  static final class Answer {
    private Answer() {}

    static String of(String model, String input, String containerId) {
      return model + ":" + input + (containerId != null ? "" : "?");
    }
  }
}
