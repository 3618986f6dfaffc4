package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifecycle.it.worker.AbcdService.Identity;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.WorkerDiedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.spi.HookPhase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot-enabled service through its whole life in worker JVMs, with real criu: the pool's
 * first container runs the snap hooks and is checkpointed (and keeps serving); the three others
 * are restored from its image at the same time, each in a pid namespace of its own. Every snap hook
 * run is counted in a file outside all processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotLifecycleTest {

  private static final String GREETING = "hello from the pool";
  @TempDir static Path dir;
  private static ContainerPool pool;

  @BeforeAll
  static void startPool() throws Exception {
    Workers.requireCriu();
    pool = Workers.pool(AbcdService.class, dir)
        .minContainers(4).maxContainers(4)
        .environment("GREETING", GREETING)
        .build();
    report(pool);
  }

  @AfterAll
  static void closePool() {
    try {
      if (pool != null) {
        pool.close();
      }
      Workers.assertNoStrayWorkers();
    } finally {
      Workers.killStrayWorkers();
    }
  }

  @Test
  @Order(1)
  void snapHooksRanOnceInTheCheckpointedContainerAndNeverInRestoredOnes() {
    List<ContainerInfo> containers = pool.containers();
    assertThat(containers).extracting(ContainerInfo::startKind)
        .containsExactly(StartKind.CHECKPOINTED, StartKind.RESTORED, StartKind.RESTORED, StartKind.RESTORED);
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(1);
    assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);

    ContainerInfo original = containers.get(0);
    assertThat(original.timeline().phases()).startsWith(Phase.CREATED, Phase.ENTERING_BEFORE_SNAPSHOT,
        Phase.SNAPSHOT, Phase.ENTERING_AFTER_SNAPSHOT, Phase.RUNNING);
    assertThat(hooksOf(original, HookPhase.ENTER_BEFORE_SNAPSHOT)).containsExactly("a", "b");
    for (ContainerInfo clone : containers.subList(1, 4)) {
      assertThat(clone.timeline().phases()).startsWith(Phase.ENTERING_AFTER_SNAPSHOT, Phase.RUNNING);
      assertThat(hooksOf(clone, HookPhase.ENTER_BEFORE_SNAPSHOT)).isEmpty();
      assertThat(hooksOf(clone, HookPhase.ENTER_AFTER_SNAPSHOT)).containsExactly("c");
      assertThat(clone.snapshotOutcome()).startsWith("restored");
      assertThat(clone.restoreDuration()).isPresent();
    }
  }

  @Test
  @Order(2)
  void threeClonesRestoredAtOnceAreDistinctAndAllServe() {
    List<ContainerInfo> clones = pool.containers().stream()
        .filter(c -> c.startKind() == StartKind.RESTORED).toList();
    // Restored at the same time: every restore began before any of them was ready.
    Instant lastStart = clones.stream().map(ContainerInfo::requestedAt).max(Instant::compareTo).orElseThrow();
    Instant firstReady = clones.stream().map(c -> c.requestedAt().plus(c.startDuration().orElseThrow()))
        .min(Instant::compareTo).orElseThrow();
    assertThat(lastStart).isBefore(firstReady);

    List<Identity> identities = identitiesOfAllFour();

    assertThat(identities).extracting(Identity::order).containsOnly("ABCD");
    assertThat(set(identities, Identity::containerId)).hasSize(4)
        .isEqualTo(pool.containers().stream().map(ContainerInfo::containerId).collect(Collectors.toSet()));
    assertThat(set(identities, Identity::postSnapshotValue)).hasSize(4);
    // A SHA1PRNG seeded in a snap hook: the same state in every clone until reseeded on restore.
    assertThat(set(identities, Identity::sha1Random)).hasSize(4);
    assertThat(set(identities, Identity::nativeRandom)).hasSize(4);
    assertThat(identities).filteredOn(Identity::restored).hasSize(3);
    // Each clone is the first process of a pid namespace of its own.
    assertThat(identities).filteredOn(Identity::restored).extracting(Identity::pid).containsOnly(1L);
    // Inside each worker JVM its container goes by the pool's id, a clone by its own.
    assertThat(identities).allSatisfy(identity -> assertThat(identity.inputThread())
        .startsWith("lifecycle-" + identity.containerId() + "-input-"));
  }

  @Test
  @Order(3)
  void restoreTimeEnvironmentReachesThePostSnapshotHook() {
    assertThat(identitiesOfAllFour()).extracting(Identity::greeting).containsOnly(GREETING);
  }

  @Test
  @Order(4)
  void anExistingSnapshotIsRestoredDirectlyByANewPool() throws Exception {
    try (ContainerPool second = Workers.pool(AbcdService.class, dir).minContainers(1)
        .environment("GREETING", "second pool").build()) {
      assertThat(second.containers()).extracting(ContainerInfo::startKind).containsExactly(StartKind.RESTORED);
      Identity identity = second.call(Identity.class, "identity", 0L);
      assertThat(identity.order()).isEqualTo("ABCD");
      assertThat(identity.greeting()).isEqualTo("second pool");
      report(second);
    }
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(1);
  }

  @Test
  @Order(5)
  void aPoolWhoseKeyDiffersBuildsASnapshotOfItsOwn() throws Exception {
    List<String> otherOptions = new ArrayList<>(Workers.jvmOptions(dir));
    otherOptions.add("-Dlifecycle.it.variant=2"); // JVM options are part of the snapshot key
    try (ContainerPool other = Workers.pool(AbcdService.class, dir).jvmOptions(otherOptions)
        .minContainers(1).build()) {
      assertThat(other.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED);
      assertThat(other.snapshotStatus().image()).isNotEqualTo(pool.snapshotStatus().image());
      assertThat(other.call("order")).isEqualTo("ABCD");
    }
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(2);
  }

  @Test
  @Order(6)
  void sigtermToARestoredCloneRunsItsExitHooksAndTheCloneIsReplaced() throws Exception {
    ContainerInfo clone = pool.containers().stream()
        .filter(c -> c.startKind() == StartKind.RESTORED && c.state() == ContainerInfo.State.READY)
        .findFirst().orElseThrow();
    int snapsBefore = WorkerFiles.lines(dir, "snaps").size();

    Workers.signal(clone.pid(), "TERM");

    Workers.awaitTrue(() -> WorkerFiles.lines(dir, "exits").contains("exit " + clone.containerId()),
        () -> "the exit hook of " + clone.containerId() + " to run; exits: " + WorkerFiles.lines(dir, "exits"));
    Workers.awaitTrue(() -> state(clone.containerId()) == ContainerInfo.State.ENDED,
        () -> "the pool to see " + clone.containerId() + " end: " + pool.containers());
    Workers.awaitTrue(() -> pool.containers().stream()
            .filter(c -> c.state() == ContainerInfo.State.READY).count() == 4,
        () -> "the pool to replace " + clone.containerId() + ": " + pool.containers());
    assertThat(pool.containers()).filteredOn(c -> c.state() == ContainerInfo.State.READY)
        .extracting(ContainerInfo::startKind)
        .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED, StartKind.RESTORED, StartKind.RESTORED);
    assertThat(identitiesOfAllFour()).extracting(Identity::order).containsOnly("ABCD");
    assertThat(WorkerFiles.lines(dir, "snaps")).as("the replacement is a restore: no snap hook ran")
        .hasSize(snapsBefore);
  }

  @Test
  @Order(7)
  void aCheckpointedContainerKilledDuringACallFailsThatCallNamingTheSignal() throws Exception {
    // The checkpointed container runs under the engine's launch prefix (a pid namespace of its
    // own): its end must still be told as the JVM's, not as that of the wrapper around it.
    ContainerInfo original = pool.containers().stream()
        .filter(c -> c.startKind() == StartKind.CHECKPOINTED && c.state() == ContainerInfo.State.READY)
        .findFirst().orElseThrow();
    List<CompletableFuture<Identity>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) { // one for each container, so one surely on the original
      calls.add(CompletableFuture.supplyAsync(() -> pool.call(Identity.class, "identity", 5_000L)));
    }
    Thread.sleep(1_500); // the four calls reach their containers; each holds its own for 5 s

    Workers.signal(original.pid(), "KILL");

    List<Throwable> failures = calls.stream()
        .map(call -> catchThrowable(call::join)).filter(Objects::nonNull).map(Throwable::getCause)
        .toList();
    assertThat(failures).singleElement().isInstanceOf(WorkerDiedException.class)
        .extracting(Throwable::getMessage).asString()
        .contains("Container " + original.containerId())
        .contains("SIGKILL");
  }

  private static ContainerInfo.State state(String containerId) {
    return pool.containers().stream().filter(c -> c.containerId().equals(containerId))
        .findFirst().orElseThrow().state();
  }

  /** Four calls at once, each held long enough that every container takes one. */
  private static List<Identity> identitiesOfAllFour() {
    List<CompletableFuture<Identity>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> pool.call(Identity.class, "identity", 1_500L)));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private static <T> Set<T> set(List<Identity> identities, java.util.function.Function<Identity, T> field) {
    return identities.stream().map(field).collect(Collectors.toSet());
  }

  private static List<String> hooksOf(ContainerInfo container, HookPhase phase) {
    return container.timeline().hooks().stream().map(Timeline.HookRun::hook)
        .filter(h -> h.phase() == phase).map(h -> h.methodName()).toList();
  }

  /** Timings, reported and never asserted: the machine is small and shared. */
  private static void report(ContainerPool reported) {
    System.out.println("[worker timing] " + reported.snapshotStatus().detail());
    for (ContainerInfo c : reported.containers()) {
      System.out.println("[worker timing] " + c);
    }
  }
}
