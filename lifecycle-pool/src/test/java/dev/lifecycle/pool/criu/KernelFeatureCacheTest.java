package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * criu, run as root, trusts the cache of the kernel's features it finds in its directory: the
 * directory is root's alone before every run, whatever another user left at its name.
 */
class KernelFeatureCacheTest {

  @TempDir Path shm;

  @Test
  void aMissingDirectoryIsCreatedForRootAlone() throws Exception {
    Path cache = shm.resolve("lifecycle-criu");
    KernelFeatureCache.prepare(cache);

    assertThat(cache).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
  }

  @Test
  void rootsOwnDirectoryKeepsItsCache() throws Exception {
    Path cache = shm.resolve("lifecycle-criu");
    KernelFeatureCache.prepare(cache);
    Path kdat = Files.writeString(cache.resolve("criu.kdat"), "criu's own");

    KernelFeatureCache.prepare(cache);

    assertThat(kdat).hasContent("criu's own");
  }

  @Test
  void aDirectoryOthersCanWriteIsReplacedWithItsPlantedCache() throws Exception {
    Path cache = Files.createDirectory(shm.resolve("lifecycle-criu"));
    Files.writeString(cache.resolve("criu.kdat"), "planted");
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

    KernelFeatureCache.prepare(cache);

    assertThat(cache.resolve("criu.kdat")).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
  }

  @Test
  void aDirectoryOfAnotherUserIsReplaced() throws Exception {
    Path cache = Files.createDirectory(shm.resolve("lifecycle-criu"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(cache.resolve("criu.kdat"), "planted");
    UserPrincipal nobody = cache.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("nobody");
    Files.setOwner(cache, nobody);

    KernelFeatureCache.prepare(cache);

    assertThat(Files.getOwner(cache).getName()).isEqualTo(System.getProperty("user.name"));
    assertThat(cache.resolve("criu.kdat")).doesNotExist();
  }

  @Test
  void aLinkIsReplacedAndWhatItNamesIsLeftAlone() throws Exception {
    Path elsewhere = Files.createDirectory(shm.resolve("elsewhere"));
    Path precious = Files.writeString(elsewhere.resolve("precious"), "keep me");
    Path cache = Files.createSymbolicLink(shm.resolve("lifecycle-criu"), elsewhere);

    KernelFeatureCache.prepare(cache);

    assertThat(Files.isSymbolicLink(cache)).isFalse();
    assertThat(Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(precious).hasContent("keep me");
  }

  @Test
  void aPlantedFileIsReplacedByTheDirectory() throws Exception {
    Path cache = Files.writeString(shm.resolve("lifecycle-criu"), "not a directory");

    KernelFeatureCache.prepare(cache);

    assertThat(cache).isDirectory();
  }
}
