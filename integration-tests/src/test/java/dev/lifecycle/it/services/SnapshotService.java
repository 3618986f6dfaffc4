package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pattern memory snapshots are for: the expensive model is built before the snapshot, what
 * must differ per container (an id) after it.
 */
@Service(enableMemorySnapshot = true)
public class SnapshotService {

  public final List<String> events = new CopyOnWriteArrayList<>();
  public volatile String model;
  public volatile String containerId;

  @Enter(snap = true)
  void loadModel() {
    events.add("snap.load");
    model = "weights";
  }

  @Enter
  void assignId() {
    events.add("enter.id");
    containerId = UUID.randomUUID().toString();
  }

  @Method
  public String predict(String input) {
    events.add("method:" + input);
    return model + ":" + input;
  }

  @Exit
  void unload() {
    events.add("exit");
    Journal.write("snapshot.exit");
  }
}
