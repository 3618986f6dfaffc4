package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.internal.store.Snapshot;
import dev.lifecycle.pool.internal.store.SnapshotKey;
import dev.lifecycle.pool.internal.store.SnapshotLookup;
import dev.lifecycle.pool.internal.store.SnapshotStore;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real CRIU, real JVMs: one {@link CloneTarget} is dumped once (through the {@link SnapshotStore},
 * as the supervisor will do it), then restored as clones, two at a time, each in its own pid
 * namespace with its own stdin, stdout and stderr.
 */
class CriuCloneTest {

  @TempDir static Path shared;

  private static Criu criu;
  private static TargetProcess original;
  private static Snapshot snapshot;
  private static long readyChecksum;
  private static long readyNanos;

  private final List<Long> clones = new ArrayList<>();
  private final List<CloneIo> ios = new ArrayList<>();

  @BeforeAll
  static void dumpOneTarget() throws Exception {
    criu = RequiredCriu.get();
    Path cwd = Files.createDirectories(shared.resolve("cwd"));
    original = TargetProcess.start(cwd);
    readyChecksum = Long.parseLong(LineQueue.field(original.ready, "checksum"));
    readyNanos = Long.parseLong(LineQueue.field(original.ready, "nanos"));
    assertThat(original.stdinKey).matches("pipe:\\[\\d+]");
    assertThat(original.stdoutKey).matches("pipe:\\[\\d+]");

    SnapshotStore store = SnapshotStore.open(shared.resolve("store"));
    SnapshotKey key = new SnapshotKey(CloneTarget.class.getName(), "test-classpath",
        SnapshotKey.currentJava(), List.of("-XX:-UsePerfData"), "criu " + criu.version(),
        System.getProperty("os.version"));
    long start = System.nanoTime();
    snapshot = store.create(key, dir -> {
      long dumpStart = System.nanoTime();
      criu.dump(original.jvmPid, dir, DumpOptions.defaults());
      report("criu dump of a JVM holding a " + CloneTarget.SIZE * 4 / 1_000_000 + " MB array", dumpStart);
    });
    report("SnapshotStore.create around it (" + snapshot.imageSize() / 1_000_000
        + " MB image, hashed and renamed into place)", start);

    // criu killed the JVM; unshare (its parent, outside the namespace) exits with it.
    assertThat(original.unshare.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void killClones() throws Exception {
    for (long pid : clones) {
      Pids.kill(pid);
    }
    for (CloneIo io : ios) {
      io.close();
    }
  }

  @AfterAll
  static void killOriginal() {
    if (original != null) {
      original.close();
    }
  }

  @Test
  void twoClonesRestoredAtOnceHoldThePreDumpStateAndEachAnswersItsOwnInput() throws Exception {
    CloneIo a = io("a");
    CloneIo b = io("b");

    restoreAtOnce(a, b);

    a.send("first-for-a");
    b.send("first-for-b");
    String answerA = a.stdout.expect("answer");
    String answerB = b.stdout.expect("answer");
    assertThat(LineQueue.field(answerA, "input")).isEqualTo("first-for-a");
    assertThat(LineQueue.field(answerB, "input")).isEqualTo("first-for-b");
    // The array built before the dump is intact in both: same checksum, recomputed after restore.
    assertThat(Long.parseLong(LineQueue.field(answerA, "checksum"))).isEqualTo(readyChecksum);
    assertThat(Long.parseLong(LineQueue.field(answerB, "checksum"))).isEqualTo(readyChecksum);
    // System.nanoTime() did not go back across the restore (same boot, same machine).
    assertThat(Long.parseLong(LineQueue.field(answerA, "nanos"))).isGreaterThanOrEqualTo(readyNanos);

    // Second round, reversed order: the clones are independent processes.
    b.send("second-for-b");
    a.send("second-for-a");
    assertThat(LineQueue.field(b.stdout.expect("answer"), "input")).isEqualTo("second-for-b");
    assertThat(LineQueue.field(a.stdout.expect("answer"), "input")).isEqualTo("second-for-a");

    assertThat(clones.get(0)).isNotEqualTo(clones.get(1));
    for (long pid : clones) {
      // Each clone is the first process of a pid namespace of its own.
      String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
      assertThat(status).containsPattern("NSpid:\\s+" + pid + "\\s+1\\n");
    }
    assertThat(a.stderr()).isEmpty();
  }

  @Test
  void clonesShareRandomStateUntilReseeded() throws Exception {
    CloneIo a = io("ra");
    CloneIo b = io("rb");
    restoreAtOnce(a, b);

    a.send("random");
    b.send("random");
    String before1 = a.stdout.expect("random");
    String before2 = b.stdout.expect("random");
    // The hazard: generators seeded before the snapshot repeat in every clone...
    assertThat(LineQueue.field(before1, "sha1")).isEqualTo(LineQueue.field(before2, "sha1"));
    assertThat(LineQueue.field(before1, "drbg")).isEqualTo(LineQueue.field(before2, "drbg"));
    // ...while NativePRNG (UUID.randomUUID()'s generator) mixes in /dev/urandom and diverges.
    assertThat(LineQueue.field(before1, "uuid")).isNotEqualTo(LineQueue.field(before2, "uuid"));

    a.send("reseed");
    b.send("reseed");
    assertThat(a.stdout.expect("reseeded")).isEqualTo("reseeded 3");
    assertThat(b.stdout.expect("reseeded")).isEqualTo("reseeded 3");
    a.send("random");
    b.send("random");
    String after1 = a.stdout.expect("random");
    String after2 = b.stdout.expect("random");
    for (String generator : List.of("sha1", "drbg", "native", "uuid")) {
      assertThat(LineQueue.field(after1, generator))
          .as(generator + " after reseeding")
          .isNotEqualTo(LineQueue.field(after2, generator));
    }
  }

  @Test
  void restoreStateFromAFileReachesTheCloneAndItsOutputGoesToItsOwnFile() throws Exception {
    // The supervisor's recipe: per-clone state in a file on stdin, stdout and stderr to files.
    Path in = shared.resolve("state-c.txt");
    Path out = shared.resolve("stdout-c.txt");
    Path err = shared.resolve("stderr-c.txt");
    Files.writeString(in, "container=c-7 env=GREETING=hi socket=/run/lifecycle/s.sock\n");
    long pid = criu.restore(snapshot.directory(), RestoreOptions.defaults().withInheritedFds(List.of(
        new InheritedFd(original.stdinKey, Redirect.from(in.toFile())),
        new InheritedFd(original.stdoutKey, Redirect.to(out.toFile())),
        new InheritedFd(original.stderrKey, Redirect.to(err.toFile())))));
    clones.add(pid);

    // The clone reads its state line, answers, reads end of file and exits.
    Pids.awaitExit(pid, 30_000);
    assertThat(Files.readString(out))
        .startsWith("answer input=container=c-7 env=GREETING=hi socket=/run/lifecycle/s.sock"
            + " checksum=" + readyChecksum + " ")
        .endsWith("bye\n");
  }

  @Test
  void restoringLeavesTheImageIntactSoTheStoreStillVerifiesIt() throws Exception {
    CloneIo a = io("va");
    CloneIo b = io("vb");
    restoreAtOnce(a, b);

    // A fresh store instance hashes every file again: restores must not have touched them.
    SnapshotLookup lookup = SnapshotStore.open(snapshot.directory().getParent()).lookup(snapshot.key());
    assertThat(lookup).isInstanceOf(SnapshotLookup.Found.class);
    assertThat(lookup).isInstanceOfSatisfying(SnapshotLookup.Found.class,
        found -> assertThat(found.snapshot().checksum()).isEqualTo(snapshot.checksum()));
  }

  @Test
  void failedRestoreQuotesCriuLogAndLeavesNoProcessBehind() throws Exception {
    Path broken = copyOfImage("broken-image", name -> !name.startsWith("pages-"));
    CloneIo a = io("fa");

    assertThatThrownBy(() -> criu.restore(broken, RestoreOptions.defaults()
            .withInheritedFds(a.inheritedFds(original)).withWorkDirectory(shared.resolve("work-fa"))))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("criu restore of " + broken + " failed (criu exit code 1)")
        .hasMessageContaining("Error (")
        .hasMessageContaining("Restoring FAILED")
        .hasMessageNotContaining("RLIMIT_NOFILE")
        .hasMessageContaining("Full criu log:")
        .satisfies(e -> assertThat(((CriuException) e).logFile()).hasValueSatisfying(
            log -> assertThat(log).exists()));
    assertNoCloneTargetRuns();
  }

  /**
   * An image without Lifecycle's list of glibc's blocks (this one is dumped by criu alone, as an
   * earlier Lifecycle's were) is still mapped: criu looks at every page for a block instead.
   */
  @Test
  void aMappedRestoreWithoutTheListOfMallocBlocksLooksAtEveryPage() throws Exception {
    assertThat(snapshot.directory().resolve(MallocBlockIndex.FILE_PREFIX + "1.img")).doesNotExist();
    CloneIo a = io("la");
    Path work = shared.resolve("work-la");
    clones.add(criu.restore(snapshot.directory(), RestoreOptions.defaults()
        .withInheritedFds(a.inheritedFds(original)).withMapPages(true)
        .withWorkDirectory(work).withKeepWorkDirectory(true)));

    a.send("unlisted");
    String answer = a.stdout.expect("answer");
    assertThat(Long.parseLong(LineQueue.field(answer, "checksum"))).isEqualTo(readyChecksum);
    assertThat(Files.readString(work.resolve(Criu.RESTORE_LOG)))
        .contains("Lifecycle: mapping private pages from the image")
        .contains("no lifecycle-malloc-blocks-1.img: every mapped page is looked at");
  }

  /** A list that is not one (whatever damaged it) fails the restore, and nothing is left running. */
  @Test
  void aMalformedListOfMallocBlocksFailsTheRestore() throws Exception {
    Path image = copyOfImage("malformed-list", name -> true);
    Files.write(image.resolve(MallocBlockIndex.FILE_PREFIX + "1.img"), new byte[7]);
    CloneIo a = io("ma");

    assertThatThrownBy(() -> criu.restore(image, RestoreOptions.defaults()
            .withInheritedFds(a.inheritedFds(original)).withMapPages(true)
            .withWorkDirectory(shared.resolve("work-ma"))))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("is not a list of 64-bit offsets");
    assertNoCloneTargetRuns();
  }

  /** A copy of the snapshot's image directory, of the files whose names {@code copied} accepts. */
  private static Path copyOfImage(String name, Predicate<String> copied) throws Exception {
    Path copy = Files.createDirectories(shared.resolve(name));
    try (Stream<Path> files = Files.list(snapshot.directory())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (copied.test(f.getFileName().toString())) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    return copy;
  }

  private static void assertNoCloneTargetRuns() {
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(CloneTarget.class.getName())).orElse(false))
        .map(ProcessHandle::pid))
        .as("no half-restored CloneTarget may survive")
        .isEmpty();
  }

  private CloneIo io(String name) throws Exception {
    CloneIo io = CloneIo.create(shared, name + "-" + System.nanoTime());
    ios.add(io);
    return io;
  }

  /** Restores one clone per io, all at the same time, each with its own stdio. */
  private void restoreAtOnce(CloneIo... cloneIos) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(cloneIos.length);
    try {
      List<Future<Long>> restores = new ArrayList<>();
      for (CloneIo io : cloneIos) {
        restores.add(pool.submit(() -> {
          long start = System.nanoTime();
          long pid = criu.restore(snapshot.directory(),
              RestoreOptions.defaults().withInheritedFds(io.inheritedFds(original)));
          report("restore of one clone (" + cloneIos.length + " at once)", start);
          return pid;
        }));
      }
      for (Future<Long> restore : restores) {
        clones.add(restore.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String what, long startNanos) {
    // Reported, never asserted: timings on a shared machine are noisy.
    System.out.println("[criu timing] " + what + ": "
        + CriuCommand.format(Duration.ofNanos(System.nanoTime() - startNanos)));
  }
}
