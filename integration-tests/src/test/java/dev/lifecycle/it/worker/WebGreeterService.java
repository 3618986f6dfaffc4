package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Service;
import dev.lifecycle.WebEndpoint;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.util.UUID;

/**
 * Web endpoints in worker JVMs, from a memory snapshot: the snap hook builds the greeting once,
 * each container (cold, checkpointed or restored) draws its own id, and the endpoints answer with
 * both. The files {@code snaps}, {@code enters} and {@code exits} count the hooks across JVMs.
 */
@Service(enableMemorySnapshot = true)
public class WebGreeterService {

  /** What the {@code /greet} endpoint answers. */
  public record Greeting(String text, String containerId, String instance, boolean restored) {}

  private String salutation;
  private String containerId;
  private String instance;

  @Enter(snap = true)
  void load() {
    WorkerFiles.append("snaps", "snap " + ProcessHandle.current().pid());
    salutation = "Hello";
  }

  @Enter
  void start() {
    containerId = RestoreEnvironment.containerId().orElse("none");
    instance = UUID.randomUUID().toString();
    WorkerFiles.append("enters", containerId);
  }

  @WebEndpoint(path = "/greet")
  public Greeting greet(String name, int times) {
    return new Greeting(
        (salutation + ", " + name + "! ").repeat(times).trim(), containerId, instance,
        RestoreEnvironment.restored());
  }

  @WebEndpoint(method = "GET", path = "/slow")
  public String slow(long millis) throws InterruptedException {
    WorkerFiles.append("slow", containerId);
    Thread.sleep(millis);
    return "slept " + millis + " ms in " + containerId;
  }

  @Exit
  void stop() {
    WorkerFiles.append("exits", containerId);
  }
}
