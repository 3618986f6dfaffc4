package dev.lifecycle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.internal.store.Snapshot;
import dev.lifecycle.pool.internal.store.SnapshotKey;
import dev.lifecycle.pool.internal.store.SnapshotLease;
import dev.lifecycle.pool.internal.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's public face: sizes as people write them, the default budget, an empty store, a store
 * opened read-only.
 */
class SnapshotStoreAdminTest {

  @TempDir Path tmp;

  @Test
  void sizesAreBytesOrPowersOf1024() {
    assertThat(SnapshotStoreAdmin.parseSize("1048576", "x")).isEqualTo(1L << 20);
    assertThat(SnapshotStoreAdmin.parseSize("512k", "x")).isEqualTo(512L << 10);
    assertThat(SnapshotStoreAdmin.parseSize("500M", "x")).isEqualTo(500L << 20);
    assertThat(SnapshotStoreAdmin.parseSize("2g", "x")).isEqualTo(2L << 30);
    assertThat(SnapshotStoreAdmin.parseSize(" 10 GiB ", "x")).isEqualTo(10L << 30);
    assertThat(SnapshotStoreAdmin.parseSize("1t", "x")).isEqualTo(1L << 40);
  }

  @Test
  void aWrongSizeSaysWhatIsExpected() {
    assertThatThrownBy(() -> SnapshotStoreAdmin.parseSize("lots", "the budget"))
        .hasMessage("the budget must be a size such as 10g, 500m or 1048576 (bytes), not \"lots\"");
    assertThatThrownBy(() -> SnapshotStoreAdmin.parseSize("99999999999t", "the budget"))
        .hasMessage("the budget is too large: \"99999999999t\"");
  }

  @Test
  void theDefaultBudgetIsTenGibibytesUnlessThePropertySaysOtherwise() {
    assertThat(SnapshotStoreAdmin.DEFAULT_BUDGET).isEqualTo(10L << 30);
    System.setProperty(SnapshotStoreAdmin.BUDGET_PROPERTY, "3g");
    try {
      assertThat(SnapshotStoreAdmin.defaultBudget()).isEqualTo(3L << 30);
      System.setProperty(SnapshotStoreAdmin.BUDGET_PROPERTY, "three");
      assertThatThrownBy(SnapshotStoreAdmin::defaultBudget)
          .hasMessageContaining("system property lifecycle.snapshotStore.budget must be a size");
    } finally {
      System.clearProperty(SnapshotStoreAdmin.BUDGET_PROPERTY);
    }
  }

  @Test
  void anEmptyStoreListsNothingAndPrunesNothing() throws Exception {
    SnapshotStoreAdmin admin = SnapshotStoreAdmin.open(tmp.resolve("store"));

    assertThat(admin.list()).isEmpty();
    assertThat(admin.verify()).isEmpty();
    assertThat(admin.prune(new SnapshotPrune.Everything()).removed()).isEmpty();
    assertThat(admin.totalSize()).isZero();
    assertThatThrownBy(() -> new SnapshotPrune.ToBudget(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStoreOpenedReadOnlyTellsWhatIsInUseCreatesNoUseFileAndRefusesToPrune() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot leased = store.create(key("com.example.Greeter"), d -> Files.writeString(d.resolve("pages-1.img"), "g"));
    Snapshot other = store.create(key("com.example.Search"), d -> Files.writeString(d.resolve("pages-1.img"), "s"));
    SnapshotStoreAdmin admin = SnapshotStoreAdmin.openReadOnly(store.root());

    try (SnapshotLease lease = store.lease(leased.key())) {
      assertThat(admin.list()).extracting(StoredSnapshot::directory, StoredSnapshot::use).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(leased.directory(), StoredSnapshot.Use.IN_USE),
          org.assertj.core.groups.Tuple.tuple(other.directory(), StoredSnapshot.Use.NOT_IN_USE));
    }
    assertThat(admin.list()).extracting(StoredSnapshot::use).containsOnly(StoredSnapshot.Use.NOT_IN_USE);
    assertThat(admin.verify()).allMatch(SnapshotStoreAdmin.Verification::intact);
    try (var files = Files.list(store.root())) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".use")))
          .containsExactly("." + leased.directory().getFileName() + ".use"); // only the lease made one
    }
    assertThatThrownBy(() -> admin.prune(new SnapshotPrune.Everything()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("was opened read-only");
    assertThat(leased.directory()).exists();
  }

  @Test
  void aMissingStoreIsNotCreatedByAReadOnlyOpen() {
    Path missing = tmp.resolve("missing");

    assertThatThrownBy(() -> SnapshotStoreAdmin.openReadOnly(missing)).isInstanceOf(NoSuchFileException.class);
    assertThat(missing).doesNotExist();
  }

  private static SnapshotKey key(String service) {
    return new SnapshotKey(service, "cp", "Vendor 17.0.15 /jdk", List.of(), "criu 4.1.1", "6.18.0");
  }
}
