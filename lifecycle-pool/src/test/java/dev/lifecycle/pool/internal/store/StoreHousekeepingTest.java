package dev.lifecycle.pool.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's budget, its least-recently-used eviction and superseded snapshots, on real files. */
class StoreHousekeepingTest {

  @TempDir Path tmp;

  /** Each stand-in image is a little over 256 KiB. */
  private static final long IMAGE = 256 * 1024;

  private static SnapshotKey key(String service, String classpath, String option, String kernel) {
    return new SnapshotKey(service, classpath, "Vendor 17.0.15 /jdk", List.of(option), "criu 4.1.1", kernel);
  }

  private static Snapshot create(SnapshotStore store, SnapshotKey key) throws Exception {
    return store.create(key, SnapshotStoreTest::writeImage);
  }

  /** Pretends the snapshot was last used {@code minutesAgo} minutes ago. */
  private static void lastUsed(Snapshot s, int minutesAgo) throws IOException {
    Files.setLastModifiedTime(s.directory(), FileTime.from(Instant.now().minusSeconds(60L * minutesAgo)));
  }

  @Test
  void overTheBudgetTheLeastRecentlyUsedGoFirstAndTheNewOneStays() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot a = create(store, key("com.example.A", "cp", "-Xmx1g", "6.18"));
    Snapshot b = create(store, key("com.example.B", "cp", "-Xmx1g", "6.18"));
    Snapshot c = create(store, key("com.example.C", "cp", "-Xmx1g", "6.18"));
    lastUsed(a, 30);
    lastUsed(b, 50); // b is the oldest by use, though built after a
    lastUsed(c, 10);
    Snapshot d = create(store, key("com.example.D", "cp", "-Xmx1g", "6.18"));

    List<StoreHousekeeping.Outcome> outcomes = StoreHousekeeping.afterStore(store, d, 2 * IMAGE + IMAGE / 2);

    assertThat(outcomes).extracting(o -> o.entry().directory()).containsExactly(b.directory(), a.directory());
    assertThat(outcomes).allMatch(StoreHousekeeping.Outcome::removed);
    assertThat(outcomes.get(0).reason()).contains("over its budget of " + (2 * IMAGE + IMAGE / 2));
    assertThat(a.directory()).doesNotExist();
    assertThat(b.directory()).doesNotExist();
    assertThat(store.lookup(c.key())).isInstanceOf(SnapshotLookup.Found.class);
    assertThat(store.lookup(d.key())).isInstanceOf(SnapshotLookup.Found.class);
  }

  @Test
  void aLookupCountsAsAUse() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot a = create(store, key("com.example.A", "cp", "-Xmx1g", "6.18"));
    Snapshot b = create(store, key("com.example.B", "cp", "-Xmx1g", "6.18"));
    lastUsed(a, 60);
    lastUsed(b, 30);
    assertThat(store.lookup(a.key())).isInstanceOf(SnapshotLookup.Found.class); // a is now the newest use
    Snapshot c = create(store, key("com.example.C", "cp", "-Xmx1g", "6.18"));

    StoreHousekeeping.afterStore(store, c, 2 * IMAGE + IMAGE / 2);

    assertThat(a.directory()).exists();
    assertThat(b.directory()).doesNotExist();
  }

  @Test
  void theNewSnapshotIsKeptEvenWhenItAloneExceedsTheBudget() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot old = create(store, key("com.example.A", "cp", "-Xmx1g", "6.18"));
    Snapshot created = create(store, key("com.example.B", "cp", "-Xmx1g", "6.18"));

    StoreHousekeeping.afterStore(store, created, 0);

    assertThat(old.directory()).doesNotExist();
    assertThat(store.lookup(created.key())).isEqualTo(new SnapshotLookup.Found(created));
  }

  @Test
  void aNewBuildOfTheSameServiceAndOptionsSupersedesTheOlderOneButNotOtherOptionsOrKernels() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot oldCode = create(store, key("com.example.A", "cp-1", "-Xmx1g", "6.18"));
    Snapshot otherOptions = create(store, key("com.example.A", "cp-1", "-Xmx2g", "6.18"));
    Snapshot otherKernel = create(store, key("com.example.A", "cp-1", "-Xmx1g", "6.19"));
    Snapshot otherService = create(store, key("com.example.B", "cp-1", "-Xmx1g", "6.18"));
    Thread.sleep(5); // created strictly later
    Snapshot newCode = create(store, key("com.example.A", "cp-2", "-Xmx1g", "6.18"));

    List<StoreHousekeeping.Outcome> outcomes = StoreHousekeeping.afterStore(store, newCode, Long.MAX_VALUE);

    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.entry().directory()).isEqualTo(oldCode.directory());
      assertThat(o.removed()).isTrue();
      assertThat(o.reason()).contains("superseded by " + newCode.directory().getFileName())
          .contains("class path contents changed");
    });
    assertThat(otherOptions.directory()).exists();
    assertThat(otherKernel.directory()).exists();
    assertThat(otherService.directory()).exists();
  }

  @Test
  void anOlderBuildDoesNotSupersedeANewerOne() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot first = create(store, key("com.example.A", "cp-1", "-Xmx1g", "6.18"));
    Thread.sleep(5);
    Snapshot second = create(store, key("com.example.A", "cp-2", "-Xmx1g", "6.18"));

    // A machine still on the old code reports its (older) snapshot: the newer one stays.
    assertThat(StoreHousekeeping.afterStore(store, first, Long.MAX_VALUE)).isEmpty();
    assertThat(second.directory()).exists();
    assertThat(StoreHousekeeping.superseded(store)).extracting(o -> o.entry().directory())
        .containsExactly(first.directory());
  }

  @Test
  void aSnapshotInUseByAPoolOfThisJvmIsKept() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot used = create(store, key("com.example.A", "cp-1", "-Xmx1g", "6.18"));
    Thread.sleep(5);
    Snapshot created = create(store, key("com.example.A", "cp-2", "-Xmx1g", "6.18"));

    try (SnapshotLease lease = store.lease(used.key()); SnapshotLease second = store.lease(used.key())) {
      second.close(); // one of two holders gone: still in use
      List<StoreHousekeeping.Outcome> outcomes = StoreHousekeeping.afterStore(store, created, 0);
      assertThat(outcomes).extracting(StoreHousekeeping.Outcome::removal)
          .containsOnly(SnapshotStore.Removal.IN_USE);
      assertThat(store.inUse(used.directory())).isTrue();
      assertThat(store.lookup(used.key())).isInstanceOf(SnapshotLookup.Found.class);
    }

    assertThat(store.inUse(used.directory())).isFalse();
    assertThat(StoreHousekeeping.afterStore(store, created, 0)).extracting(StoreHousekeeping.Outcome::removal)
        .containsExactly(SnapshotStore.Removal.REMOVED);
    assertThat(used.directory()).doesNotExist();
  }

  @Test
  void aSnapshotInUseByAnotherProcessIsKept() throws Exception {
    Path root = tmp.resolve("store");
    SnapshotStore store = SnapshotStore.open(root);
    Snapshot used = store.create(SnapshotStoreTest.key("-Xmx64m"), SnapshotStoreTest::writeImage);
    Process other = new ProcessBuilder(StoreLeaseMain.command(root, "-Xmx64m"))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("leased");

      assertThat(store.inUse(used.directory())).isTrue();
      assertThat(store.remove(used.directory(), "test")).isEqualTo(SnapshotStore.Removal.IN_USE);
      assertThat(used.directory()).exists();

      other.getOutputStream().close();
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(store.remove(used.directory(), "test")).isEqualTo(SnapshotStore.Removal.REMOVED);
      assertThat(used.directory()).doesNotExist();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aSnapshotWhoseKeyIsLockedForABuildIsKept() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot building = create(store, key("com.example.A", "cp", "-Xmx1g", "6.18"));
    Path lockFile = store.root().resolve("." + building.directory().getFileName() + ".lock");

    Thread holder = new Thread(() -> {
      try (KeyLock lock = KeyLock.acquire(lockFile)) {
        synchronized (StoreHousekeepingTest.this) {
          StoreHousekeepingTest.this.notifyAll();
          StoreHousekeepingTest.this.wait(60_000);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    synchronized (this) {
      holder.start();
      wait(60_000);
      assertThat(store.remove(building.directory(), "test")).isEqualTo(SnapshotStore.Removal.BEING_BUILT);
      notifyAll();
    }
    holder.join(60_000);

    assertThat(store.remove(building.directory(), "test")).isEqualTo(SnapshotStore.Removal.REMOVED);
  }

  @Test
  void unreadableSnapshotsAreEvictedFirstAndListedWithTheirProblem() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot broken = create(store, key("com.example.A", "cp", "-Xmx1g", "6.18"));
    Snapshot fine = create(store, key("com.example.B", "cp", "-Xmx1g", "6.18"));
    lastUsed(fine, 60);
    Files.delete(broken.directory().resolve(SnapshotManifest.FILE_NAME));

    StoreEntry entry = store.entries().stream().filter(e -> e.directory().equals(broken.directory()))
        .findFirst().orElseThrow();
    assertThat(entry.key()).isEmpty();
    assertThat(entry.problem()).hasValueSatisfying(p -> assertThat(p).contains("no manifest"));

    Snapshot created = create(store, key("com.example.C", "cp", "-Xmx1g", "6.18"));
    StoreHousekeeping.afterStore(store, created, 2 * IMAGE + IMAGE / 2);

    assertThat(broken.directory()).doesNotExist();
    assertThat(fine.directory()).exists();
  }

  @Test
  void aFullVerificationFindsACorruptedFileThatALookupWouldTrust() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("store"));
    Snapshot s = create(store, key("com.example.A", "cp", "-Xmx1g", "6.18"));
    assertThat(store.verifyFully(s.directory())).isEmpty();
    Path pages = s.directory().resolve("pages-1.img");
    byte[] bytes = Files.readAllBytes(pages);
    bytes[100] ^= 1;
    Files.write(pages, bytes); // same size

    assertThat(store.verifyFully(s.directory())).hasValue("pages-1.img does not match its SHA-256 in the manifest (corrupted)");
    assertThat(s.directory()).exists(); // verifying never deletes
  }

  @Test
  void supersedingComparesEveryFieldButTheCodeAndJava() {
    SnapshotKey base = key("com.example.A", "cp-1", "-Xmx1g", "6.18");
    SnapshotKey newJava = new SnapshotKey("com.example.A", "cp-1", "Vendor 17.0.16 /jdk", List.of("-Xmx1g"),
        "criu 4.1.1", "6.18");
    assertThat(key("com.example.A", "cp-2", "-Xmx1g", "6.18").supersedes(base)).isTrue();
    assertThat(newJava.supersedes(base)).isTrue();
    assertThat(base.supersedes(base)).isFalse();
    assertThat(key("com.example.A", "cp-2", "-Xmx2g", "6.18").supersedes(base)).isFalse();
    assertThat(key("com.example.B", "cp-2", "-Xmx1g", "6.18").supersedes(base)).isFalse();
    assertThat(new SnapshotKey("com.example.A", "cp-2", "Vendor 17.0.15 /jdk", List.of("-Xmx1g"), "criu 4.2",
        "6.18").supersedes(base)).isFalse();
    assertThat(Optional.of(base.summary())).hasValueSatisfying(s -> assertThat(s).contains("-Xmx1g").contains("6.18"));
  }

  @Test
  void aParameterSetIsSupersededOnlyByNewCodeForTheSameSet() {
    SnapshotKey small = withParameters(key("com.example.A", "cp-1", "-Xmx1g", "6.18"), Map.of("size", "small"));
    SnapshotKey smallNewCode = withParameters(key("com.example.A", "cp-2", "-Xmx1g", "6.18"), Map.of("size", "small"));
    SnapshotKey largeNewCode = withParameters(key("com.example.A", "cp-2", "-Xmx1g", "6.18"), Map.of("size", "large"));

    assertThat(smallNewCode.supersedes(small)).isTrue();
    // Two pools of one service with two sets keep both images.
    assertThat(largeNewCode.supersedes(small)).isFalse();
    assertThat(small.summary()).contains("parameters {size=small}");
  }

  private static SnapshotKey withParameters(SnapshotKey key, Map<String, String> parameters) {
    return new SnapshotKey(key.serviceClass(), key.classpathDigest(), key.javaVersion(),
        key.jvmOptions(), key.engineIdentity(), key.kernelRelease(), parameters);
  }
}
