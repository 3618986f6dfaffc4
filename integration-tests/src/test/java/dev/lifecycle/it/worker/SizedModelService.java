package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Parameter;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;

/**
 * One service class for several configurations: the snap hook "loads" a model of the size its
 * parameters say, once per set of parameters, and records each run in the file {@code snaps}.
 */
@Service(enableMemorySnapshot = true)
public class SizedModelService {

  /** The model sizes there are. */
  public enum Size { SMALL, LARGE }

  /** What one container has: what its snap hook built, and its parameters now. */
  public record Seen(String containerId, boolean restored, String builtAtSnapshot, String parameters) {}

  @Parameter(required = true) Size size;
  @Parameter int layers = 1;

  private String builtAtSnapshot;

  @Enter(snap = true)
  void load() {
    builtAtSnapshot = size + "x" + layers;
    WorkerFiles.append("snaps", builtAtSnapshot);
  }

  /** Waits {@code holdMillis} first, so that concurrent calls land in different containers. */
  @Method
  public Seen seen(long holdMillis) throws InterruptedException {
    Thread.sleep(holdMillis);
    return new Seen(RestoreEnvironment.containerId().orElse("none"), RestoreEnvironment.restored(),
        builtAtSnapshot, size + "x" + layers);
  }
}
