package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.WorkerDiedException;
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
    assertThat(messages()).noneMatch(m -> m.matches("\\[.*\\] \\d{4}-\\d\\d-\\d\\d .*")); // no second time stamp
    // No work directory asked for: no file outlives its container.
    for (ContainerInfo container : containers) {
      assertThat(container.logFile()).doesNotExist();
    }
  }

  @Test
  void whatAWorkerLoggedKeepsItsLevelAndAFailedContainersFileStaysWhileThePoolIsOpen()
      throws Exception {
    try (ContainerPool pool = ContainerPool.builder(PrintingService.class)
        .jvmOptions(Workers.jvmOptions(dir)).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build()) {
      pool.call("warn", "the disk is full");
      ContainerInfo first = pool.containers().get(0);
      String id = first.containerId();
      assertThatThrownBy(() -> pool.call("die")).isInstanceOf(WorkerDiedException.class);

      Workers.awaitTrue(() -> messages().contains("[" + id + "] PrintingService: careful: the disk is full"),
          () -> "the warning: " + messages());
      LogRecord warning = records.stream()
          .filter(r -> r.getMessage().equals("[" + id + "] PrintingService: careful: the disk is full"))
          .findFirst().orElseThrow();
      assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
      // Its stack trace, line by line, at the warning's level.
      assertThat(records).filteredOn(r -> r.getMessage().startsWith("[" + id + "] java.lang.IllegalStateException: the disk is full")
              || r.getMessage().startsWith("[" + id + "] \tat "))
          .isNotEmpty().allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));
      // What the service printed is INFO.
      assertThat(records).filteredOn(r -> r.getMessage().equals("[" + id + "] snap hook ran"))
          .singleElement().satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
      // It died: its file stays for the messages that name it, as long as the pool is open.
      Workers.awaitTrue(() -> pool.containers().stream()
          .anyMatch(c -> c.containerId().equals(id) && c.state() == ContainerInfo.State.ENDED), () -> "ended");
      assertThat(first.logFile()).exists();
    }
  }

  @Test
  void leavingTheLogOutNeedsAWorkDirectory() {
    assertThatThrownBy(() -> ContainerPool.builder(PrintingService.class).logWorkerOutput(false).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logWorkerOutput(false) without a workDirectory would keep what the"
            + " workers of " + PrintingService.class.getName() + " write nowhere");
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
