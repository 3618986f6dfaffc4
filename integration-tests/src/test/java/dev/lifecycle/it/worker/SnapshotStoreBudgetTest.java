package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotPrune;
import dev.lifecycle.pool.SnapshotStoreAdmin;
import dev.lifecycle.pool.StoredSnapshot;
import dev.lifecycle.pool.engine.SimulatedSnapshotEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pools keep their snapshot store within its budget: after a pool stores a new snapshot, the least
 * recently used others go, but never one a live pool may still restore. Three keys (JVM options)
 * of one service, a budget of one byte, real worker JVMs, the simulated engine.
 */
@ExtendWith(NoStrayWorkers.class)
class SnapshotStoreBudgetTest {

  @TempDir Path dir;

  private ContainerPool pool(SimulatedSnapshotEngine engine, String variant) throws Exception {
    List<String> options = new ArrayList<>(Workers.jvmOptions(dir));
    options.add("-Dlifecycle.it.variant=" + variant);
    return Workers.pool(AbcdService.class, dir).engine(engine).jvmOptions(options)
        .snapshotStoreBudget(1).minContainers(1).maxContainers(1).build();
  }

  @Test
  void aNewSnapshotEvictsTheLeastRecentlyUsedButNotOneALivePoolUses() throws Exception {
    SimulatedSnapshotEngine engine = SimulatedSnapshotEngine.create();
    Path a;
    try (ContainerPool first = pool(engine, "a")) {
      a = first.snapshotStatus().image().orElseThrow();
    }
    try (ContainerPool second = pool(engine, "b")) {
      Path b = second.snapshotStatus().image().orElseThrow();
      Workers.awaitTrue(() -> !Files.exists(a), () -> a + " was not evicted");
      assertThat(b).exists(); // the new one, over the budget by itself

      try (ContainerPool third = pool(engine, "c")) {
        Path c = third.snapshotStatus().image().orElseThrow();
        SnapshotStoreAdmin admin = SnapshotStoreAdmin.open(dir.resolve("snapshots"));
        assertThat(admin.list()).extracting(StoredSnapshot::directory).containsExactlyInAnyOrder(b, c);
        assertThat(admin.list()).allMatch(StoredSnapshot::inUse);

        SnapshotStoreAdmin.PruneResult pruned = admin.prune(new SnapshotPrune.ToBudget(0));

        assertThat(pruned.removed()).isEmpty();
        assertThat(pruned.kept()).extracting(StoredSnapshot::directory).containsExactlyInAnyOrder(b, c);
        assertThat(b).exists();
        assertThat(third.call(String.class, "order")).isEqualTo("ABCD"); // the store's rounds did not disturb the pools
      }
    }
    SnapshotStoreAdmin admin = SnapshotStoreAdmin.open(dir.resolve("snapshots"));
    assertThat(admin.prune(new SnapshotPrune.ToBudget(0)).removed()).hasSize(2); // no pool holds them now
    assertThat(admin.list()).isEmpty();
  }
}
