package dev.lifecycle.it.worker;

import dev.lifecycle.it.worker.AbcdService.Identity;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A supervisor in a JVM of its own, for the test that kills it: runs a pool of {@link
 * AbcdService} with two containers (the checkpointed original and a clone), prints {@code READY}
 * and the workers' ids and pids, then waits to be killed.
 */
public final class PoolMain {

  /** With this variable set, a call holding a container for that many milliseconds is started. */
  static final String HOLD_MILLIS = "LIFECYCLE_IT_HOLD_MILLIS";

  /** With this variable set, the pool gives its value as the restore-time value GREETING. */
  static final String RESTORE_SECRET = "LIFECYCLE_IT_RESTORE_SECRET";

  private PoolMain() {}

  public static void main(String[] args) throws Exception {
    ContainerPoolBuilder builder = Workers.pool(AbcdService.class, Path.of(args[0])).minContainers(2);
    if (args.length > 2) {
      // A store shared with another supervisor, which writes its logs elsewhere.
      builder.snapshotStore(Path.of(args[1])).workDirectory(Path.of(args[2]));
    }
    String restoreSecret = System.getenv(RESTORE_SECRET);
    if (restoreSecret != null) {
      builder.environment("GREETING", restoreSecret);
    }
    ContainerPool pool = builder.build();
    System.out.println("READY " + pool.containers().stream()
        .map(c -> c.containerId() + ":" + c.pid() + ":" + c.startKind())
        .collect(Collectors.joining(" ")));
    if (restoreSecret != null) {
      // What each container read through RestoreEnvironment: one call held long enough per container.
      List<CompletableFuture<Identity>> calls = List.of(
          CompletableFuture.supplyAsync(() -> pool.call(Identity.class, "identity", 1_000L)),
          CompletableFuture.supplyAsync(() -> pool.call(Identity.class, "identity", 1_000L)));
      System.out.println("GREETINGS " + calls.stream().map(CompletableFuture::join)
          .map(i -> i.greeting() + ":" + i.restored()).collect(Collectors.joining(" ")));
    }
    String hold = System.getenv(HOLD_MILLIS);
    if (hold != null) {
      CompletableFuture.runAsync(() -> pool.call(Identity.class, "identity", Long.parseLong(hold)));
      Thread.sleep(1_000); // the call reaches its container
      System.out.println("HOLDING");
    }
    System.out.flush();
    new CountDownLatch(1).await();
    pool.close(); // never reached: the test kills this JVM
  }
}
