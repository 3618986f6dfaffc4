package dev.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.internal.store.Snapshot;
import dev.lifecycle.pool.internal.store.SnapshotKey;
import dev.lifecycle.pool.internal.store.SnapshotLease;
import dev.lifecycle.pool.internal.store.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifecycle snapshots list|verify|prune} on a store with real snapshot directories (files
 * and manifests as a pool writes them), the tool in a JVM of its own: so a lease held here is one
 * of another process, as a running pool's is.
 */
class SnapshotsCommandTest {

  @TempDir Path tmp;

  private Path root;
  private SnapshotStore store;
  private Snapshot greeterOld;
  private Snapshot greeterNew;
  private Snapshot search;

  private static SnapshotKey key(String service, String classpath) {
    return new SnapshotKey(service, classpath, "Vendor 17.0.15 /jdk", List.of("-Xmx256m"), "criu 4.1.1", "6.18.0");
  }

  /** A stand-in image of {@code kib} KiB. */
  private static void image(Path dir, int kib) throws IOException {
    byte[] pages = new byte[kib * 1024];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = (byte) (i * 7);
    }
    Files.write(dir.resolve("pages-1.img"), pages);
    Files.writeString(dir.resolve("inventory.img"), "inventory");
  }

  @BeforeEach
  void threeSnapshots() throws Exception {
    root = tmp.resolve("snapshots");
    store = SnapshotStore.open(root);
    greeterOld = store.create(key("com.example.Greeter", "cp-1"), d -> image(d, 200));
    Thread.sleep(5);
    greeterNew = store.create(key("com.example.Greeter", "cp-2"), d -> image(d, 200));
    search = store.create(key("com.example.Search", "cp-1"), d -> image(d, 400));
    used(greeterOld, 3000);
    used(search, 2000);
    used(greeterNew, 1000);
  }

  private static void used(Snapshot s, int secondsAgo) throws IOException {
    Files.setLastModifiedTime(s.directory(), FileTime.from(Instant.now().minusSeconds(secondsAgo)));
  }

  @Test
  void listShowsEverySnapshotLeastRecentlyUsedFirst() throws Exception {
    Cli.Run run = Cli.run(tmp, "snapshots", "list", "--store", root.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).contains("com.example.Greeter").contains(greeterOld.directory().toString()).contains("KiB");
    assertThat(lines.get(1)).contains("JVM options [-Xmx256m], criu 4.1.1, kernel 6.18.0").contains("built 20");
    assertThat(lines.get(2)).contains("com.example.Search").contains(search.directory().toString());
    assertThat(lines.get(4)).contains(greeterNew.directory().toString());
    assertThat(lines.get(6)).startsWith("3 snapshots, ").contains("in " + root);
  }

  @Test
  void verifyFindsACorruptedFileAndExitsWith1() throws Exception {
    assertThat(Cli.run(tmp, "snapshots", "verify", "--store", root.toString()).exitCode()).isZero();
    Path pages = search.directory().resolve("pages-1.img");
    byte[] bytes = Files.readAllBytes(pages);
    bytes[4096] ^= 0x40;
    Files.write(pages, bytes);

    Cli.Run run = Cli.run(tmp, "snapshots", "verify", "--store", root.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("BROKEN  " + search.directory()
        + ": pages-1.img does not match its SHA-256 in the manifest (corrupted)");
    assertThat(run.out()).contains("OK      " + greeterNew.directory());
    assertThat(run.out()).contains("3 snapshots verified, 1 broken");
    assertThat(search.directory()).exists(); // verify never deletes
  }

  @Test
  void pruneSupersededRemovesTheOlderBuildOfTheSameService() throws Exception {
    Cli.Run run = Cli.run(tmp, "snapshots", "prune", "--superseded", "--store", root.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("removed " + greeterOld.directory() + " (com.example.Greeter, ")
        .contains("removed 1 snapshot, freed ");
    assertThat(greeterOld.directory()).doesNotExist();
    assertThat(greeterNew.directory()).exists();
    assertThat(search.directory()).exists();
  }

  @Test
  void pruneToABudgetRemovesTheLeastRecentlyUsedFirst() throws Exception {
    Cli.Run run = Cli.run(tmp, "snapshots", "prune", "--budget", "500k", "--store", root.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // 200 + 200 + 400 KiB: the two least recently used go, the most recent stays.
    assertThat(greeterOld.directory()).doesNotExist();
    assertThat(search.directory()).doesNotExist();
    assertThat(greeterNew.directory()).exists();
    assertThat(run.out()).contains("removed 2 snapshots");
  }

  @Test
  void pruneOfAServiceKeepsWhatAnotherProcessUses() throws Exception {
    try (SnapshotLease lease = store.lease(greeterNew.key())) {
      Cli.Run run = Cli.run(tmp, "snapshots", "prune", "--service", "com.example.Greeter", "--store", root.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("kept    " + greeterNew.directory() + " (com.example.Greeter): a pool uses or builds it now");
      assertThat(greeterOld.directory()).doesNotExist();
      assertThat(greeterNew.directory()).exists();
      assertThat(search.directory()).exists();

      Cli.Run list = Cli.run(tmp, "snapshots", "list", "--store", root.toString());
      assertThat(list.out().lines().filter(l -> l.contains(greeterNew.directory().toString())))
          .singleElement().satisfies(l -> assertThat(l).contains("in use"));
    }
    assertThat(Cli.run(tmp, "snapshots", "prune", "--all", "--store", root.toString()).out())
        .contains("removed 2 snapshots");
    assertThat(greeterNew.directory()).doesNotExist();
    assertThat(search.directory()).doesNotExist();
  }

  @Test
  void pruneOfUnusedOnesGoesByTheLastUse() throws Exception {
    Cli.Run run = Cli.run(tmp, "snapshots", "prune", "--unused-for", "40m", "--store", root.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(greeterOld.directory()).doesNotExist(); // last used 50 minutes ago
    assertThat(search.directory()).exists(); // 33 minutes ago
    assertThat(greeterNew.directory()).exists();
  }

  @Test
  void listingAStoreThatDoesNotExistCreatesNothing() throws Exception {
    Path missing = tmp.resolve("no-store");

    Cli.Run run = Cli.run(tmp, "snapshots", "list", "--store", missing.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("no snapshot store at " + missing + " yet: 0 snapshots\n");
    assertThat(missing).doesNotExist();
  }

  @Test
  void wrongArgumentsAreUsageErrors() throws Exception {
    Cli.Run unknown = Cli.run(tmp, "snapshots", "purge");
    Cli.Run badBudget = Cli.run(tmp, "snapshots", "prune", "--budget", "lots", "--store", root.toString());
    Cli.Run badAge = Cli.run(tmp, "snapshots", "prune", "--unused-for", "soon", "--store", root.toString());

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("lifecycle snapshots: unknown command \"purge\"").contains("usage:");
    assertThat(badBudget.exitCode()).isEqualTo(2);
    assertThat(badBudget.err()).contains("--budget must be a size such as 10g, 500m or 1048576 (bytes), not \"lots\"");
    assertThat(badAge.exitCode()).isEqualTo(2);
    assertThat(badAge.err()).contains("--unused-for must be a duration such as 30s, 15m, 12h or 7d, not \"soon\"");
    assertThat(greeterOld.directory()).exists();
  }
}
