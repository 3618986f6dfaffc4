package dev.lifecycle.it.worker;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A supervisor in a JVM of its own, for the test that kills it: runs a pool of {@link
 * AbcdService} with two containers (the checkpointed original and a clone), prints {@code READY}
 * and the workers' ids and pids, then waits to be killed.
 */
public final class PoolMain {

  private PoolMain() {}

  public static void main(String[] args) throws Exception {
    ContainerPoolBuilder builder = Workers.pool(AbcdService.class, Path.of(args[0])).minContainers(2);
    if (args.length > 2) {
      // A store shared with another supervisor, which writes its logs elsewhere.
      builder.snapshotStore(Path.of(args[1])).workDirectory(Path.of(args[2]));
    }
    ContainerPool pool = builder.build();
    System.out.println("READY " + pool.containers().stream()
        .map(c -> c.containerId() + ":" + c.pid() + ":" + c.startKind())
        .collect(Collectors.joining(" ")));
    System.out.flush();
    new CountDownLatch(1).await();
    pool.close(); // never reached: the test kills this JVM
  }
}
