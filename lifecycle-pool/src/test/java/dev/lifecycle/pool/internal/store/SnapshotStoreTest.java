package dev.lifecycle.pool.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

  @TempDir Path tmp;

  static SnapshotKey key(String jvmOption) {
    return new SnapshotKey("com.example.Greeter", "c1a55", "Vendor 17.0.15 /jdk", List.of(jvmOption), "criu 4.1.1",
        "6.18.0");
  }

  /** A stand-in image: a few files like an engine writes, one of them large enough to truncate. */
  static void writeImage(Path dir) throws IOException {
    byte[] pages = new byte[256 * 1024];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = (byte) (i * 31);
    }
    Files.write(dir.resolve("pages-1.img"), pages);
    Files.writeString(dir.resolve("inventory.img"), "inventory");
    Files.writeString(dir.resolve("core-1.img"), "core");
  }

  @Test
  void aCreatedSnapshotIsFoundPrivateAndDescribedByItsManifest() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("cache/lifecycle/snapshots"));

    Snapshot created = store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);
    SnapshotLookup lookup = store.lookup(key("-Xmx1g"));

    assertThat(lookup).isEqualTo(new SnapshotLookup.Found(created));
    assertThat(created.imageSize()).isEqualTo(256 * 1024 + "inventory".length() + "core".length());
    assertThat(created.directory().getFileName().toString()).startsWith("Greeter-").hasSize(8 + 32);
    assertThat(mode(store.root())).isEqualTo("rwx------");
    assertThat(mode(created.directory())).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(created.directory())) {
      assertThat(files).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
    }
    String manifest = Files.readString(created.directory().resolve("manifest.properties"));
    assertThat(manifest)
        .contains("key.serviceClass=com.example.Greeter")
        .contains("key.jvmOptions.0=-Xmx1g")
        .contains("key.engineIdentity=criu 4.1.1")
        .contains("key.kernelRelease=6.18.0")
        .contains("image.size=" + created.imageSize())
        .contains("image.checksum=" + created.checksum())
        .contains("file.2.name=pages-1.img");
  }

  @Test
  void anExistingRootIsMadePrivate() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("open"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

    SnapshotStore.open(root);

    assertThat(mode(root)).isEqualTo("rwx------");
  }

  @Test
  void aSnapshotIsNeverFoundForAnotherKey() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);

    assertThat(store.lookup(key("-Xmx2g"))).isInstanceOf(SnapshotLookup.Missing.class);
    assertThat(store.lookup(key("-Xmx1g"))).isInstanceOf(SnapshotLookup.Found.class);
  }

  @Test
  void aManifestForAnotherKeyInTheKeysDirectoryIsDiscarded() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    Snapshot other = store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);
    // Put that snapshot where the -Xmx2g one belongs, as a mix-up or a tampering would.
    Path wrongPlace = tmp.resolve(key("-Xmx2g").directoryName());
    Files.move(other.directory(), wrongPlace);

    SnapshotLookup lookup = store.lookup(key("-Xmx2g"));

    assertThat(lookup).isInstanceOf(SnapshotLookup.Discarded.class);
    assertThat(((SnapshotLookup.Discarded) lookup).reason())
        .contains("its manifest is for another key (JVM options [-Xmx1g] vs [-Xmx2g])")
        .endsWith("; it will be rebuilt");
    assertThat(wrongPlace).doesNotExist();
  }

  @Test
  void aTruncatedImageFileIsDetectedDiscardedAndRebuilt() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    AtomicInteger builds = new AtomicInteger();
    Snapshot first = store.create(key("-Xmx1g"), dir -> {
      builds.incrementAndGet();
      writeImage(dir);
    });
    try (RandomAccessFile pages = new RandomAccessFile(first.directory().resolve("pages-1.img").toFile(), "rw")) {
      pages.setLength(4096); // as a crash or a full disk would leave it
    }

    SnapshotLookup lookup = store.lookup(key("-Xmx1g"));

    assertThat(lookup).isInstanceOf(SnapshotLookup.Discarded.class);
    assertThat(((SnapshotLookup.Discarded) lookup).reason())
        .isEqualTo("snapshot " + first.directory() + " is unusable: pages-1.img is 4096 bytes, the"
            + " manifest says 262144 (truncated); it will be rebuilt");
    assertThat(first.directory()).doesNotExist();
    assertThat(store.lookup(key("-Xmx1g"))).isInstanceOf(SnapshotLookup.Missing.class);

    Snapshot second = store.create(key("-Xmx1g"), dir -> {
      builds.incrementAndGet();
      writeImage(dir);
    });
    assertThat(builds).hasValue(2);
    assertThat(second.checksum()).isEqualTo(first.checksum());
  }

  @Test
  void aMissingImageFileIsDetectedAndDiscarded() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    Snapshot created = store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);
    Files.delete(created.directory().resolve("core-1.img"));

    SnapshotLookup lookup = store.lookup(key("-Xmx1g"));

    assertThat(lookup).isInstanceOf(SnapshotLookup.Discarded.class);
    assertThat(((SnapshotLookup.Discarded) lookup).reason())
        .isEqualTo("snapshot " + created.directory() + " is unusable: core-1.img is missing;"
            + " it will be rebuilt");
    assertThat(created.directory()).doesNotExist();
  }

  @Test
  void anImageFileReplacedByADirectoryIsMissing() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    Snapshot created = store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);
    Path core = created.directory().resolve("core-1.img");
    Files.delete(core);
    Files.createDirectory(core);

    SnapshotLookup lookup = store.lookup(key("-Xmx1g"));

    assertThat(lookup).isInstanceOf(SnapshotLookup.Discarded.class);
    assertThat(((SnapshotLookup.Discarded) lookup).reason()).contains("core-1.img is missing");
  }

  @Test
  void aCorruptedByteIsCaughtByTheChecksum() throws Exception {
    Snapshot created = SnapshotStore.open(tmp).create(key("-Xmx1g"), SnapshotStoreTest::writeImage);
    flipByte(created.directory().resolve("pages-1.img"), 1000);

    // A new store instance (a new supervisor) hashes the files again.
    assertCorrupted(SnapshotStore.open(tmp).lookup(key("-Xmx1g")), "pages-1.img");
  }

  private static void flipByte(Path file, long position) throws IOException {
    try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
      bytes.seek(position);
      int b = bytes.read();
      bytes.seek(position);
      bytes.write(b ^ 0xFF);
    }
  }

  private static void assertCorrupted(SnapshotLookup lookup, String file) {
    assertThat(lookup).isInstanceOf(SnapshotLookup.Discarded.class);
    assertThat(((SnapshotLookup.Discarded) lookup).reason())
        .contains(file + " does not match its SHA-256 in the manifest (corrupted)");
  }

  @Test
  void anImageAlteredUnderARunningStoreIsNotFoundAgain() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    Snapshot created = store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);
    assertThat(store.lookup(key("-Xmx1g"))).isEqualTo(new SnapshotLookup.Found(created));
    Path pages = created.directory().resolve("pages-1.img");
    FileTime modified = Files.getLastModifiedTime(pages);
    Thread.sleep(20); // past a tick of a kernel with coarse timestamps
    flipByte(pages, 1000);
    Files.setLastModifiedTime(pages, modified); // as a careful intruder would

    // The same store instance, which hashed the image once already.
    assertCorrupted(store.lookup(key("-Xmx1g")), "pages-1.img");
  }

  @Test
  void aDirectoryWithoutManifestIsAnUnfinishedBuild() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    Path dir = Files.createDirectories(tmp.resolve(key("-Xmx1g").directoryName()));
    writeImage(dir);

    SnapshotLookup lookup = store.lookup(key("-Xmx1g"));

    assertThat(((SnapshotLookup.Discarded) lookup).reason())
        .contains("its manifest is missing (an interrupted build or a damaged directory)");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aFailingBuilderStoresNothingAndLeavesNoTemporaryDirectory() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);

    assertThatThrownBy(() -> store.create(key("-Xmx1g"), dir -> {
      writeImage(dir);
      throw new IOException("criu dump of process 42 failed");
    }))
        .isInstanceOf(SnapshotBuildException.class)
        .hasMessage("building the snapshot of com.example.Greeter failed: criu dump of process 42 failed")
        .hasCauseInstanceOf(IOException.class);

    assertThat(store.lookup(key("-Xmx1g"))).isInstanceOf(SnapshotLookup.Missing.class);
    try (Stream<Path> entries = Files.list(tmp)) {
      assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".building-"));
    }
  }

  @Test
  void leftoversOfACrashedBuildAreRemovedByTheNextOne() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    Path leftover = Files.createDirectories(tmp.resolve(".building-" + key("-Xmx1g").directoryName() + "-123"));
    writeImage(leftover);

    store.create(key("-Xmx1g"), SnapshotStoreTest::writeImage);

    assertThat(leftover).doesNotExist();
  }

  @Test
  void twoThreadsCreatingTheSameSnapshotBuildItOnce() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp);
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Snapshot>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return store.create(key("-Xmx1g"), dir -> {
            builds.incrementAndGet();
            Thread.sleep(300); // long enough for the other thread to arrive and wait
            writeImage(dir);
          });
        }));
      }
      go.countDown();
      Snapshot a = results.get(0).get(30, TimeUnit.SECONDS);
      Snapshot b = results.get(1).get(30, TimeUnit.SECONDS);

      assertThat(builds).hasValue(1);
      assertThat(a).isEqualTo(b);
      assertThat(store.lookup(key("-Xmx1g"))).isEqualTo(new SnapshotLookup.Found(a));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesCreatingTheSameSnapshotBuildItOnce() throws Exception {
    Path builds = tmp.resolve("builds.txt");
    Path root = tmp.resolve("store");
    List<Process> processes = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        processes.add(new ProcessBuilder(StoreCreateMain.command(root, builds)).redirectErrorStream(true).start());
      }
      List<String> outputs = new ArrayList<>();
      for (Process p : processes) {
        outputs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(outputs.get(outputs.size() - 1)).isZero();
      }

      assertThat(Files.readAllLines(builds)).hasSize(1);
      assertThat(outputs.get(0)).startsWith("checksum=").isEqualTo(outputs.get(1));
      assertThat(SnapshotStore.open(root).lookup(key("-Xmx64m"))).isInstanceOf(SnapshotLookup.Found.class);
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void theDefaultRootFollowsXdg() {
    assertThat(SnapshotStore.defaultRoot("/xdg/cache", "/home/u")).isEqualTo(Path.of("/xdg/cache/lifecycle/snapshots"));
    assertThat(SnapshotStore.defaultRoot(null, "/home/u")).isEqualTo(Path.of("/home/u/.cache/lifecycle/snapshots"));
    // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
    assertThat(SnapshotStore.defaultRoot("relative", "/home/u")).isEqualTo(Path.of("/home/u/.cache/lifecycle/snapshots"));
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
