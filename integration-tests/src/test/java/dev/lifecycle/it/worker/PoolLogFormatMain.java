package dev.lifecycle.it.worker;

import dev.lifecycle.pool.ContainerPool;
import java.nio.file.Path;

/** A pool that logs its scaling and its worker's lines, in a JVM of its own: run by {@link PoolLogFormatTest}. */
public final class PoolLogFormatMain {

  private PoolLogFormatMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    if (args.length > 1 && args[1].equals("reconfigure")) {
      // As an application that sets up its logging after Lifecycle's classes loaded.
      Class.forName(ContainerPool.class.getName(), true, PoolLogFormatMain.class.getClassLoader());
      java.util.logging.LogManager.getLogManager().readConfiguration();
    }
    try (ContainerPool pool = ContainerPool.builder(PrintingService.class)
        .jvmOptions(Workers.jvmOptions(dir)).memorySnapshots(false).minContainers(1).build()) {
      System.out.println("result " + pool.call("shout", "formats"));
    }
  }
}
