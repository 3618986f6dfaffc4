package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** A snapshot-enabled service whose snap hook fails: no snapshot may be taken. */
@Service(enableMemorySnapshot = true)
public class FailingSnapService {

  @Enter(snap = true)
  void load() {
    WorkerFiles.append("snaps", "snap " + ProcessHandle.current().pid());
    throw new IllegalStateException("model file weights.bin is missing");
  }

  @Method
  public String predict(String input) {
    return input;
  }

  @Exit
  void recordExit() {
    WorkerFiles.append("exits", "exit after failed start");
  }
}
