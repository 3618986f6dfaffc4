package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What workers print reaches the supervisor's logging (System.Logger, here the JDK's), line by
 * line with the container's id, exit hooks included; the files are kept only where asked.
 */
@ExtendWith(NoStrayWorkers.class)
class WorkerOutputTest {

  private static final String LOGGER = "dev.lifecycle.worker." + PrintingService.class.getName();

  @TempDir Path dir;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger(LOGGER);
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureTheWorkersLogger() {
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
  }

  @Test
  void everyLineOfEveryContainerReachesTheLogWithItsIdAndTheFilesGoWithTheirContainers()
      throws Exception {
    Workers.requireCriu();
    List<ContainerInfo> containers;
    try (ContainerPool pool = ContainerPool.builder(PrintingService.class)
        .jvmOptions(Workers.jvmOptions(dir)).snapshotStore(dir.resolve("snapshots"))
        .minContainers(2).maxContainers(2).build()) {
      assertThat(pool.call("shout", "hello")).isEqualTo("HELLO");
      containers = pool.containers();
    }
    assertThat(containers).extracting(ContainerInfo::startKind)
        .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);
    String original = idOf(containers, StartKind.CHECKPOINTED);
    String clone = idOf(containers, StartKind.RESTORED);

    assertThat(messages()).contains(
        "[" + original + "] snap hook ran",
        "[" + original + "] post-snapshot hook ran in " + original,
        "[" + clone + "] post-snapshot hook ran in " + clone,
        "[" + original + "] shouting hello",
        "[" + original + "] exit hook ran",
        "[" + clone + "] exit hook ran");
    assertThat(messages()).doesNotContain("[" + clone + "] snap hook ran");
    assertThat(records).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
    // No work directory asked for: no file outlives its container.
    for (ContainerInfo container : containers) {
      assertThat(container.logFile()).doesNotExist();
    }
  }

  @Test
  void aWorkDirectoryKeepsTheFilesAndTheLogCanBeLeftOut() throws Exception {
    Path work = dir.resolve("work");
    List<ContainerInfo> containers;
    try (ContainerPool pool = ContainerPool.builder(PrintingService.class)
        .jvmOptions(Workers.jvmOptions(dir)).memorySnapshots(false).workDirectory(work)
        .logWorkerOutput(false).minContainers(1).maxContainers(1).build()) {
      pool.call("shout", "quietly");
      containers = pool.containers();
    }
    assertThat(records).isEmpty();
    assertThat(Files.readAllLines(containers.get(0).logFile()))
        .contains("snap hook ran", "shouting quietly", "exit hook ran");
  }

  private List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  private static String idOf(List<ContainerInfo> containers, StartKind kind) {
    return containers.stream().filter(c -> c.startKind() == kind).findFirst().orElseThrow()
        .containerId();
  }
}
