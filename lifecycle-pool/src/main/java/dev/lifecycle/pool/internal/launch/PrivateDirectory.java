package dev.lifecycle.pool.internal.launch;

import dev.lifecycle.pool.internal.FileTrees;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The pool's private directory (mode 0700): its socket and the clones' restore-state files.
 * Named after the supervisor's pid, so that a pool can delete what supervisors that were killed
 * (and could not clean up) left behind.
 */
public final class PrivateDirectory {

  /** Directories only their owner may enter. */
  public static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  /** Files only their owner may read and write. */
  public static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /** Creates {@code file} empty and {@link #OWNER_ONLY_FILE} unless it exists already. */
  public static void createPrivateFile(Path file) throws IOException {
    try {
      Files.createFile(file, OWNER_ONLY_FILE);
    } catch (FileAlreadyExistsException e) {
      // kept as it is: appended to
    }
  }

  private static final System.Logger LOG = System.getLogger(PrivateDirectory.class.getName());
  private static final String PREFIX = "lifecycle-pool-";

  private PrivateDirectory() {}

  /** A new private directory in the temporary directory; first removes those of dead supervisors. */
  public static Path create() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeAbandoned(tmp);
    return Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-",
        OWNER_ONLY);
  }

  private static void removeAbandoned(Path tmp) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*-*")) {
      for (Path dir : dirs) {
        String rest = dir.getFileName().toString().substring(PREFIX.length());
        long pid;
        try {
          pid = Long.parseLong(rest.substring(0, rest.indexOf('-')));
        } catch (RuntimeException notOurs) {
          continue;
        }
        if (ProcessHandle.of(pid).isEmpty() && ownedByMe(dir)) {
          LOG.log(Level.DEBUG, () -> "removing " + dir + ", left by supervisor " + pid + " which is gone");
          FileTrees.deleteQuietly(dir);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> "could not look for abandoned pool directories in " + tmp + ": " + e);
    }
  }

  private static boolean ownedByMe(Path dir) {
    try {
      return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    } catch (IOException e) {
      return false;
    }
  }
}
