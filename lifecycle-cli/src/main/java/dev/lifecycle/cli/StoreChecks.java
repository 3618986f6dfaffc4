package dev.lifecycle.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's checks of a snapshot store: it exists or can be created, is private, can be
 * written, and its file system has room for its budget. Changes nothing (a file it writes to see
 * whether it can is deleted at once).
 */
final class StoreChecks {

  private StoreChecks() {}

  static List<Finding> of(Path store, long budget) {
    List<Finding> findings = new ArrayList<>();
    String check = "snapshot store";
    String option = "give pools another store (snapshotStore(...), `lifecycle run --store`)";
    if (Files.exists(store) && !Files.isDirectory(store)) {
      findings.add(Finding.fail(check, store + " is a file, not a directory", "remove it, or " + option));
      return findings;
    }
    Path existing = store;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      findings.add(Finding.fail(check, store + " cannot be created: " + existing + " is not a directory",
          option));
      return findings;
    }
    boolean exists = existing.equals(store);
    String probe = writeProbe(existing);
    if (probe != null) {
      findings.add(Finding.fail(check, exists
          ? store + " cannot be written: " + probe
          : store + " does not exist and cannot be created in " + existing + ": " + probe,
          "make it writable for this user, or " + option));
      return findings;
    }
    if (!exists) {
      findings.add(Finding.ok(check, store + " does not exist yet; the first pool creates it (mode 0700)"));
    } else {
      String mode;
      try {
        mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(store, LinkOption.NOFOLLOW_LINKS));
      } catch (IOException | UnsupportedOperationException e) {
        mode = "unknown";
      }
      if (mode.equals("rwx------")) {
        findings.add(Finding.ok(check, store + " is private (0700) and writable"));
      } else {
        findings.add(Finding.warn(check, store + " has mode " + mode + ", not 0700: images hold process"
            + " memory; pools make it 0700 when they open it", "chmod 700 " + store));
      }
    }
    findings.add(space(store, existing, budget));
    return findings;
  }

  /** Null when a file can be created (and deleted) in {@code dir}, else why not. */
  private static String writeProbe(Path dir) {
    try {
      Path probe = Files.createTempFile(dir, ".lifecycle-doctor-", ".tmp");
      Files.delete(probe);
      return null;
    } catch (java.nio.file.AccessDeniedException e) {
      return "permission denied";
    } catch (IOException e) {
      return describe(e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    // FileSystemException's message is "<file>: <reason>"; the reason is what matters.
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static Finding space(Path store, Path existing, long budget) {
    String check = "store free space";
    try {
      FileStore fs = Files.getFileStore(existing);
      long free = fs.getUsableSpace();
      long used = Doctor.sizeOf(store);
      String detail = Sizes.human(free) + " free; the store holds " + Sizes.human(used) + " of its budget of "
          + Sizes.human(budget);
      if (free < Doctor.ONE_IMAGE) {
        return Finding.fail(check, detail + ": not even one image of a typical service (80 to 200 MB) fits",
            "free space on " + fs + ", or give pools a store on another file system");
      }
      if (free < budget - used) {
        return Finding.warn(check, detail + ": the disk fills up before the store reaches its budget",
            "lower the budget (LIFECYCLE_SNAPSHOT_BUDGET, snapshotStoreBudget(...), --budget) to at most "
                + Sizes.human(used + free / 2) + ", or free space");
      }
      return Finding.ok(check, detail);
    } catch (IOException e) {
      return Finding.warn(check, "cannot tell the free space of " + existing + ": " + describe(e), "");
    }
  }
}
