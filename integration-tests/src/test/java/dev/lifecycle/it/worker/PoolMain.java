package dev.lifecycle.it.worker;

import dev.lifecycle.pool.ContainerPool;
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
    ContainerPool pool = Workers.pool(AbcdService.class, Path.of(args[0])).minContainers(2).build();
    System.out.println("READY " + pool.containers().stream()
        .map(c -> c.containerId() + ":" + c.pid() + ":" + c.startKind())
        .collect(Collectors.joining(" ")));
    System.out.flush();
    new CountDownLatch(1).await();
    pool.close(); // never reached: the test kills this JVM
  }
}
