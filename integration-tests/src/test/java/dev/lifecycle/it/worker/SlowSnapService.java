package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/**
 * A snap hook that takes long (a model loading, say): {@value #MILLIS} ms, unless the worker's
 * system property of that name says otherwise. The files {@code snaps} ({@code start}, {@code
 * end}) and {@code exits} show how far it got.
 */
@Service(enableMemorySnapshot = true)
public class SlowSnapService {

  /** The system property with the snap hook's duration in milliseconds. */
  static final String MILLIS = "lifecycle.it.snapMillis";

  @Enter(snap = true)
  void load() {
    WorkerFiles.append("snaps", "start");
    try {
      Thread.sleep(Long.getLong(MILLIS, 60_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      WorkerFiles.append("snaps", "interrupted");
      return;
    }
    WorkerFiles.append("snaps", "end");
  }

  @Method
  public String ping() {
    return "pong";
  }

  @dev.lifecycle.Exit
  void stop() {
    WorkerFiles.append("exits", "exit");
  }
}
