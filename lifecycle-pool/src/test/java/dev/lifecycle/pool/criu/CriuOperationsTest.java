package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dump and restore failures and the file-key recipe, with real criu on small {@code sleep}
 * processes (a dump takes milliseconds), plus the timeout path with a stand-in criu.
 */
class CriuOperationsTest {

  @TempDir Path tmp;

  private final List<Process> started = new ArrayList<>();
  private final List<Long> restored = new ArrayList<>();

  @AfterEach
  void killEverything() throws Exception {
    for (long pid : restored) {
      Pids.kill(pid);
    }
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void dumpOfAProcessThatDoesNotExistSaysSo() throws Exception {
    Criu criu = RequiredCriu.get();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();

    assertThatThrownBy(() -> criu.dump(gone.pid(), tmp.resolve("img"), DumpOptions.defaults()))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("there is no process " + gone.pid());
  }

  @Test
  void dumpOfANonSessionLeaderExplainsSetsid() throws Exception {
    Criu criu = RequiredCriu.get();
    Process sleep = start(new ProcessBuilder("sleep", "600"));

    assertThatThrownBy(() -> criu.dump(sleep.pid(), tmp.resolve("img"), DumpOptions.defaults()))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("process " + sleep.pid() + " is not a session leader")
        .hasMessageContaining("setsid");
    assertThat(sleep.isAlive()).isTrue();
  }

  @Test
  void dumpIntoANonEmptyDirectoryIsRefused() throws Exception {
    Criu criu = RequiredCriu.get();
    Process sleep = start(new ProcessBuilder("setsid", "sleep", "600"));
    Path img = Files.createDirectories(tmp.resolve("img"));
    Files.writeString(img.resolve("old.img"), "x");

    assertThatThrownBy(() -> criu.dump(sleep.pid(), img, DumpOptions.defaults()))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining(img + " is not empty");
    assertThat(sleep.isAlive()).isTrue();
  }

  @Test
  void aFileThatChangedAfterTheDumpFailsTheRestoreWithCriusOwnWordsAndInheritFdFixesIt()
      throws Exception {
    Criu criu = RequiredCriu.get();
    Path log = tmp.resolve("app.log");
    // In a pid namespace of its own, as every restore then gets a new one: restoring a process
    // from the host namespace needs its old pid, which another process may have taken meanwhile
    // ("Can't fork for 32275: File exists").
    Process unshare = start(new ProcessBuilder("unshare", "--pid", "--fork", "setsid", "sleep", "600")
        .redirectInput(Redirect.from(new java.io.File("/dev/null")))
        // Not appendTo: criu skips the size check for files opened with O_APPEND.
        .redirectOutput(Redirect.to(log.toFile()))
        .redirectError(Redirect.DISCARD));
    long sleepPid = sleepUnder(unshare);
    String key = InheritFdKeys.of(sleepPid, 1);
    assertThat(key).isEqualTo(log.toString().substring(1)); // criu names files without the leading /
    Path img = tmp.resolve("img");

    criu.dump(sleepPid, img, DumpOptions.defaults());
    assertThat(unshare.waitFor(10, TimeUnit.SECONDS)).as("criu dump kills the process").isTrue();
    assertThat(Files.getPosixFilePermissions(img)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

    Files.writeString(log, "written after the dump\n", StandardOpenOption.APPEND);
    assertThat(restoreExpectingFailure(criu, img, RestoreOptions.defaults().withWorkDirectory(tmp.resolve("work"))))
        .hasMessageContaining("criu restore of " + img + " failed")
        .hasMessageContaining("File " + key + " has bad size")
        .hasMessageContaining("Full criu log: " + tmp.resolve("work/restore.log"))
        .hasMessageNotContaining("RLIMIT_NOFILE");

    // The same image restores when the clone gets a file of its own in place of the changed one.
    Path ownLog = tmp.resolve("clone.log");
    long pid = criu.restore(img, RestoreOptions.defaults().withInheritedFds(
        List.of(new InheritedFd(key, Redirect.appendTo(ownLog.toFile())))));
    restored.add(pid);
    assertThat(RestoredProcesses.isRunning(pid)).isTrue();
    assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "1"))).isEqualTo(ownLog);
  }

  @Test
  void restoreOfADirectoryWithoutAnImageSaysSo() throws Exception {
    Criu criu = RequiredCriu.get();
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    assertThatThrownBy(() -> criu.restore(empty, RestoreOptions.defaults()))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining(empty + " holds no criu image (inventory.img is missing)");
  }

  @Test
  void aCriuThatHangsIsKilledAndReapedAtTheTimeout() throws Exception {
    // A stand-in for criu that never finishes: the timeout path needs no real hang.
    Path pidFile = tmp.resolve("hung.pid");
    Path hanging = script("criu-hangs", "echo $$ > " + pidFile + "\nexec sleep 600\n");
    Criu criu = new Criu(hanging, new CriuVersion(4, 1, 1), false, false);
    Path img = Files.createDirectories(tmp.resolve("img"));
    Files.writeString(img.resolve("inventory.img"), "");

    long start = System.nanoTime();
    assertThatThrownBy(() -> criu.restore(img,
            RestoreOptions.defaults().withTimeout(Duration.ofSeconds(1)).withWorkDirectory(tmp.resolve("work"))))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("did not finish within 1.0 s; criu and its children were killed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    long hungPid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(hungPid)).as("the stand-in was killed and reaped").isEmpty();
  }

  /** Restores, failing the test (and killing the process) if the restore unexpectedly works. */
  private CriuException restoreExpectingFailure(Criu criu, Path img, RestoreOptions options)
      throws Exception {
    try {
      restored.add(criu.restore(img, options));
    } catch (CriuException expected) {
      return expected;
    }
    throw new AssertionError("restore of " + img + " succeeded but was expected to fail");
  }

  private Process start(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    started.add(p);
    if (pb.command().get(0).equals("unshare")) {
      return p;
    }
    // setsid execs sleep in the same process; wait until it has, so the pid is sleep's.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!p.info().command().map(c -> c.endsWith("sleep")).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return p;
  }

  @Test
  void aRestoreServerThatCannotStartLeavesTheRestoreToACriuOfItsOwn() throws Exception {
    // A stand-in that claims the restore server but cannot serve, and records every other run.
    Path calls = tmp.resolve("calls.txt");
    Path broken = script("criu-without-server", "[ \"$1\" = " + RestoreServer.COMMAND
        + " ] && exit 1\necho \"$1\" >> " + calls + "\nexit 3\n");
    Criu criu = new Criu(broken, new CriuVersion(4, 1, 1), false, true);
    Path img = Files.createDirectories(tmp.resolve("img-fallback"));
    Files.writeString(img.resolve("inventory.img"), "");

    assertThatThrownBy(() -> criu.restore(img,
            RestoreOptions.defaults().withWorkDirectory(tmp.resolve("work-fallback"))))
        .isInstanceOf(CriuException.class)
        .hasMessageContaining("failed (criu exit code 3)");
    assertThat(Files.readAllLines(calls)).containsExactly("restore");
  }

  /** The sleep that unshare forked (pid 1 of the new namespace), once setsid has exec'ed it. */
  private static long sleepUnder(Process unshare) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      var sleep = unshare.descendants()
          .filter(h -> h.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).findFirst();
      if (sleep.isPresent()) {
        return sleep.get().pid();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no sleep under unshare " + unshare.pid());
  }

  private Path script(String name, String body) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
