package dev.lifecycle.pool.criu;

import dev.lifecycle.pool.internal.FileTrees;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The directory where the criu that Lifecycle's install ({@code lifecycle install-criu}) builds
 * keeps its cache of the kernel's features, {@value #PATH}.
 *
 * <p>Every criu run first probes the kernel (vDSO, CPU, memory tracking, ...), some 30 ms here,
 * unless it finds the answers of an earlier run in {@code criu.kdat}. criu keeps that file only on
 * a tmpfs, so that it is gone when the machine boots another kernel, and by default in {@code
 * /run}, which is not a tmpfs on every machine. The project's build points it at a directory of
 * {@code /dev/shm}, a tmpfs on every Linux system. As root reads the cache, nobody else may write
 * it: before every criu run, this makes sure the directory exists, belongs to root, and is mode
 * 0700, replacing whatever else another user left at that name ({@code /dev/shm} is sticky: once
 * root's, no one else can swap it). A criu built otherwise never looks there.
 */
final class KernelFeatureCache {

  static final String PATH = "/dev/shm/lifecycle-criu";

  private static final System.Logger LOG = System.getLogger(KernelFeatureCache.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private KernelFeatureCache() {}

  /** Prepares {@value #PATH}; never fails: without it criu only probes the kernel again. */
  static void prepare() {
    prepare(Path.of(PATH));
  }

  static void prepare(Path directory) {
    if (!Files.isDirectory(directory.getParent())) {
      return; // no /dev/shm: nothing to keep the cache in
    }
    try {
      if (isRootsPrivateDirectory(directory)) {
        return;
      }
      if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
        LOG.log(Level.WARNING, "Replacing " + directory + ", which is not a directory of root's"
            + " with mode 0700: criu, run as root, reads its cache of the kernel's features there.");
        FileTrees.deleteQuietly(directory); // links deleted, never followed
      }
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(directory, OWNER_ONLY); // whatever the umask
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, () -> "no cache of the kernel's features for criu at " + directory + ": " + e);
    }
  }

  private static boolean isRootsPrivateDirectory(Path directory) throws IOException {
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    PosixFileAttributes attributes =
        Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.isDirectory() && attributes.owner().getName().equals("root")
        && attributes.permissions().equals(OWNER_ONLY);
  }
}
