package dev.lifecycle.pool.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One "supervisor" process for the two-process test: creates the snapshot of a fixed key in the
 * store at {@code args[0]}, appending a line to {@code args[1]} whenever it actually builds, and
 * prints the snapshot's checksum.
 */
public final class StoreCreateMain {

  private StoreCreateMain() {}

  public static void main(String[] args) throws Exception {
    SnapshotStore store = SnapshotStore.open(Path.of(args[0]));
    Path builds = Path.of(args[1]);
    Snapshot snapshot = store.create(SnapshotStoreTest.key("-Xmx64m"), dir -> {
      Files.writeString(builds, ProcessHandle.current().pid() + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Thread.sleep(500); // a build takes a while: long enough for the other process to arrive
      SnapshotStoreTest.writeImage(dir);
    });
    System.out.println("checksum=" + snapshot.checksum());
  }

  static List<String> command(Path root, Path builds) throws Exception {
    Path classes = Path.of(StoreCreateMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path main = Path.of(SnapshotStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
        "-cp", classes + java.io.File.pathSeparator + main, StoreCreateMain.class.getName(),
        root.toString(), builds.toString());
  }
}
