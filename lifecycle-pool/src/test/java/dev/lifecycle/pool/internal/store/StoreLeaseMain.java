package dev.lifecycle.pool.internal.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Another "supervisor" for the two-process test: holds the lease on the snapshot of {@code
 * SnapshotStoreTest.key(args[1])} in the store at {@code args[0]}, prints "leased", and gives it
 * back when its standard input ends.
 */
public final class StoreLeaseMain {

  private StoreLeaseMain() {}

  public static void main(String[] args) throws Exception {
    SnapshotStore store = SnapshotStore.open(Path.of(args[0]));
    try (SnapshotLease lease = store.lease(SnapshotStoreTest.key(args[1]))) {
      System.out.println("leased");
      System.out.flush();
      while (System.in.read() != -1) {
        // wait for the test to close our stdin
      }
    }
  }

  static List<String> command(Path root, String jvmOption) throws Exception {
    Path classes = Path.of(StoreLeaseMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path main = Path.of(SnapshotStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
        "-cp", classes + java.io.File.pathSeparator + main, StoreLeaseMain.class.getName(),
        root.toString(), jvmOption);
  }
}
