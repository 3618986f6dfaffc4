package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.criu.CriuEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the criu that {@code lifecycle install-criu} builds, a clone's memory is the image's pages
 * mapped copy on write, not copied: the clone's memory map names the image's page file. Real CRIU
 * (CI installs that build). What must hold all the same: the clone reads what the snapshot held,
 * keeps serving when the image is deleted under it, and glibc can grow a native block it got
 * from the image (its realloc must not grow a mapping of the image's file past its end, which
 * would kill the clone with SIGBUS). An image on a noexec file system is read as before.
 */
@ExtendWith(NoStrayWorkers.class)
class PageMappingTest {

  @TempDir Path dir;

  @Test
  void aCloneMapsTheImagesPagesAndServesAfterTheImageIsDeleted() throws Exception {
    Workers.requireCriu();
    assertThat(CriuEngine.fromEnvironment().mapsPages())
        .as("the criu found is the one `lifecycle install-criu` builds, which maps pages").isTrue();
    Path image = snapshot();
    try (ContainerPool pool = Workers.pool(NativeBlockService.class, dir).minContainers(1).build()) {
      ContainerInfo clone = restored(pool);

      assertThat(imageMappings(clone)).as("mappings of the image's files").isNotEmpty();
      assertThat(pool.call(Boolean.class, "intact")).isTrue();

      delete(image);
      assertThat(image).doesNotExist();
      assertThat(pool.call(Boolean.class, "intact")).isTrue();
      assertThat(pool.call(Boolean.class, "growUpper", 48)).isTrue();
    }
  }

  /**
   * The restore finds the blocks' first pages in the list the checkpoint wrote next to the image,
   * not by looking at every page it maps (which would fault each one in): criu's log says how many
   * the list names, and a block it missed would kill the clone when glibc grows it.
   */
  @Test
  void glibcGrowsANativeBlockOfTheImageWithoutKillingTheClone() throws Exception {
    Workers.requireCriu();
    Path image = snapshot();
    assertThat(listsOfMallocBlocks(image)).as("the lists of glibc's blocks next to the page images")
        .isNotEmpty();
    try (ContainerPool pool = Workers.pool(NativeBlockService.class, dir).minContainers(1)
        .engine(CriuEngine.fromEnvironment().keepingRestoreLogs()).build()) {
      ContainerInfo clone = restored(pool);

      // Far past the image's end: grown as a mapping of the image's file, its new pages would not
      // exist, and writing them would kill the clone (a SIGBUS, which the JVM turns into an
      // InternalError for Unsafe).
      assertThat(pool.call(Boolean.class, "growUpper", 400)).isTrue();
      assertThat(pool.call(Boolean.class, "restored")).isTrue();
      Matcher listed = LISTED_BLOCKS.matcher(Files.readString(Workers.restoreLog(clone)));
      assertThat(listed.find()).as("criu's log names the list it read").isTrue();
      // That the service's two blocks are among them, growUpper shows: a block missed kills it.
      assertThat(Integer.parseInt(listed.group(1))).as("blocks listed").isPositive();
    }
  }

  private static final Pattern LISTED_BLOCKS =
      Pattern.compile("Lifecycle: (\\d+) pages of the image start as a block of glibc's malloc");

  private static List<Path> listsOfMallocBlocks(Path image) throws IOException {
    try (Stream<Path> files = Files.list(image)) {
      return files.filter(file -> file.getFileName().toString().startsWith("lifecycle-malloc-blocks-"))
          .toList();
    }
  }

  @Test
  void anEngineCopyingPagesMapsNothingOfTheImage() throws Exception {
    Workers.requireCriu();
    snapshot();
    try (ContainerPool pool = Workers.pool(NativeBlockService.class, dir).minContainers(1)
        .engine(CriuEngine.fromEnvironment().copyingPages()).build()) {
      ContainerInfo clone = restored(pool);

      assertThat(imageMappings(clone)).isEmpty();
      assertThat(pool.call(Boolean.class, "intact")).isTrue();
    }
  }

  @Test
  void anImageOnANoexecFileSystemIsReadNotMapped() throws Exception {
    Workers.requireCriu();
    // Mapped from there, the memory could never be made executable again (a JIT's code, say).
    Path noexec = Files.createDirectories(dir.resolve("noexec"));
    command("mount", "-t", "tmpfs", "-o", "size=1g,mode=0700,noexec", "tmpfs", noexec.toString());
    try {
      try (ContainerPool pool = Workers.pool(NativeBlockService.class, dir)
          .snapshotStore(noexec.resolve("snapshots")).minContainers(1).build()) {
        assertThat(pool.containers()).extracting(ContainerInfo::startKind)
            .containsExactly(StartKind.CHECKPOINTED);
      }
      try (ContainerPool pool = Workers.pool(NativeBlockService.class, dir)
          .snapshotStore(noexec.resolve("snapshots")).minContainers(1).build()) {
        ContainerInfo clone = restored(pool);

        assertThat(imageMappings(clone)).isEmpty();
        assertThat(pool.call(Boolean.class, "intact")).isTrue();
      }
    } finally {
      unmount(noexec);
    }
  }

  /**
   * Unmounts {@code mountPoint} once the clones that used it are gone (a stopped worker may take a
   * moment to exit), lazily at last; never hides the test's own failure.
   */
  private void unmount(Path mountPoint) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!run("umount", mountPoint.toString()).isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        System.err.println("umount " + mountPoint + " kept failing; unmounted lazily: "
            + run("umount", "-l", mountPoint.toString()));
        return;
      }
      Thread.sleep(100);
    }
  }

  /** Runs a command of the system's (as root, as the tests run); fails the test when it fails. */
  private void command(String... command) throws IOException, InterruptedException {
    Optional<String> failure = run(command);
    assertThat(failure).as(String.join(" ", command)).isEmpty();
  }

  /** Runs a command of the system's, killed after 30 s; its output when it failed. */
  private Optional<String> run(String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "command-", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    try {
      boolean finished = process.waitFor(30, TimeUnit.SECONDS);
      return finished && process.exitValue() == 0 ? Optional.empty()
          : Optional.of(finished ? Workers.outputIn(output) : "did not finish within 30 s");
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }

  /** Builds the snapshot with a pool of its own; returns the image's directory. */
  private Path snapshot() throws IOException {
    try (ContainerPool pool = Workers.pool(NativeBlockService.class, dir).minContainers(1).build()) {
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactly(StartKind.CHECKPOINTED);
      return pool.snapshotStatus().image().orElseThrow();
    }
  }

  private static ContainerInfo restored(ContainerPool pool) {
    assertThat(pool.containers()).extracting(ContainerInfo::startKind)
        .containsExactly(StartKind.RESTORED);
    return pool.containers().get(0);
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The lines of the clone's memory map that map one of the image's page files. */
  private static List<String> imageMappings(ContainerInfo clone) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(clone.pid()), "maps")).stream()
        .filter(line -> line.contains("/pages-") && line.endsWith(".img"))
        .toList();
  }
}
