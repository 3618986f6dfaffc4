package dev.lifecycle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's public face: sizes as people write them, the default budget, an empty store. */
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
}
