package dev.lifecycle.pool.engine;

import java.util.Objects;

/** Whether a {@link SnapshotEngine} can be used on this machine. */
public sealed interface EngineCheck {

  /**
   * The engine works.
   *
   * @param identity what about the engine shapes its images, such as its name and release
   *     ({@code "simulated 1"}): part of
   *     the snapshot key, so that an image is never restored by an engine that did not write it
   */
  record Ready(String identity) implements EngineCheck {
    public Ready {
      Objects.requireNonNull(identity, "identity");
    }
  }

  /**
   * The engine cannot be used here.
   *
   * @param reason one sentence with what is missing and how to fix it; the pool's warning quotes it
   */
  record Unavailable(String reason) implements EngineCheck {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
