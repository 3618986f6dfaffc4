package dev.lifecycle.it.worker;

import dev.lifecycle.pool.ContainerPool;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A supervisor in a JVM of its own serving {@link EchoAppService} at the pool's web address:
 * prints {@code WEB <address>}, then serves until it is killed.
 */
public final class WebPoolMain {

  private WebPoolMain() {}

  public static void main(String[] args) throws Exception {
    ContainerPool pool = Workers.pool(EchoAppService.class, Path.of(args[0]))
        .minContainers(1).maxContainers(1).build();
    System.out.println("WEB " + pool.webAddress().orElseThrow());
    System.out.flush();
    new CountDownLatch(1).await();
    pool.close(); // never reached: the test kills this JVM
  }
}
