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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
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
  void listAndVerifyOfAStoreOnAReadOnlyMountSucceedAndChangeNothing() throws Exception {
    Path mount = Files.createDirectories(tmp.resolve("ro"));
    Mounts.tmpfs(mount, "4m");
    try {
      Path readOnlyRoot = mount.resolve("snapshots");
      SnapshotStore readOnly = SnapshotStore.open(readOnlyRoot);
      Snapshot leased = readOnly.create(key("com.example.Greeter", "cp-1"), d -> image(d, 100));
      Snapshot neverLeased = readOnly.create(key("com.example.Search", "cp-1"), d -> image(d, 100));
      readOnly.lease(leased.key()).close(); // its use file exists now, as after a pool restored it
      // Not 0700, as a store mounted for reading may be: opening it as pools do would chmod it.
      Files.setPosixFilePermissions(readOnlyRoot, PosixFilePermissions.fromString("rwxr-x---"));
      Mounts.readOnly(mount);
      String before = state(readOnlyRoot);

      Cli.Run list = Cli.run(tmp, "snapshots", "list", "--store", readOnlyRoot.toString());
      Cli.Run verify = Cli.run(tmp, "snapshots", "verify", "--store", readOnlyRoot.toString());

      assertThat(list.exitCode()).as(list.toString()).isZero();
      assertThat(lineOf(list, leased)).contains(" ?  ");
      assertThat(lineOf(list, neverLeased)).contains(" -  "); // no use file: no pool ever leased it
      assertThat(list.out()).contains("2 snapshots, ").contains("in use \"?\": unknown");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(verify.out()).contains("OK      " + leased.directory()).contains("OK      " + neverLeased.directory())
          .contains("2 snapshots verified, 0 broken");
      assertThat(state(readOnlyRoot)).isEqualTo(before);
    } finally {
      Mounts.umount(mount);
    }
  }

  @Test
  void listAndVerifyWriteNothingToAWritableStoreEither() throws Exception {
    try (SnapshotLease lease = store.lease(search.key())) {
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));
      String before = state(root);

      Cli.Run list = Cli.run(tmp, "snapshots", "list", "--store", root.toString());
      Cli.Run verify = Cli.run(tmp, "snapshots", "verify", "--store", root.toString());

      assertThat(list.exitCode()).as(list.toString()).isZero();
      assertThat(lineOf(list, search)).contains("in use"); // a use file it may write: probed exactly
      assertThat(lineOf(list, greeterOld)).contains(" -  ");
      assertThat(list.out()).doesNotContain("unknown");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(state(root)).isEqualTo(before); // no use file created, no chmod
    }
  }

  /** The line of {@code run}'s listing for {@code snapshot}. */
  private static String lineOf(Cli.Run run, Snapshot snapshot) {
    return run.out().lines().filter(l -> l.endsWith(snapshot.directory().toString())).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + snapshot.directory() + " in\n" + run));
  }

  /** Every file and directory under {@code dir}: name, mode, size and modification time. */
  private static String state(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      StringBuilder sb = new StringBuilder();
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        sb.append(dir.relativize(p)).append(' ')
            .append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).append(' ')
            .append(Files.isDirectory(p) ? "dir" : Files.size(p)).append(' ')
            .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
      }
      return sb.toString();
    }
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
