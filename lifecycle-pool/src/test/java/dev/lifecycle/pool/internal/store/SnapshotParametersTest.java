package dev.lifecycle.pool.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key's parameters on disk: in the manifest, read back, and a snapshot of their own. */
class SnapshotParametersTest {

  @TempDir Path tmp;

  private static SnapshotKey key(Map<String, String> parameters) {
    return new SnapshotKey("com.example.Model", "c1a55", "Vendor 17.0.15 /jdk", List.of("-Xmx1g"),
        "criu 4.1.1", "6.18.0", parameters);
  }

  @Test
  void theManifestHoldsTheParametersAndReadsThemBack() throws Exception {
    SnapshotKey key = key(Map.of("size", "LARGE", "note", "a = b, with \u00e9 and spaces "));
    Files.writeString(tmp.resolve("pages-1.img"), "pages");
    Path file = tmp.resolve(SnapshotManifest.FILE_NAME);

    SnapshotManifest.describe(tmp, key, Instant.parse("2026-12-01T20:00:00Z")).write(file);
    SnapshotManifest read = SnapshotManifest.read(file);

    assertThat(read.key()).isEqualTo(key);
    assertThat(read.key().parameters()).containsExactly(
        Map.entry("note", "a = b, with \u00e9 and spaces "), Map.entry("size", "LARGE"));
    assertThat(Files.readString(file)).contains("key.parameters.count=2");
  }

  @Test
  void aManifestWrittenBeforeParametersExistedReadsAsAKeyWithoutThem() throws Exception {
    SnapshotKey key = key(Map.of());
    Files.writeString(tmp.resolve("pages-1.img"), "pages");
    Path file = tmp.resolve(SnapshotManifest.FILE_NAME);
    SnapshotManifest.describe(tmp, key, Instant.parse("2026-12-01T20:00:00Z")).write(file);
    List<String> withoutParameters = Files.readAllLines(file).stream()
        .filter(line -> !line.startsWith("key.parameters.")).toList();
    Files.write(file, withoutParameters);

    assertThat(SnapshotManifest.read(file).key()).isEqualTo(key);
  }

  @Test
  void eachSetOfParametersHasASnapshotOfItsOwn() throws Exception {
    SnapshotStore store = SnapshotStore.open(tmp.resolve("snapshots"));
    Snapshot small = store.create(key(Map.of("size", "SMALL")), SnapshotStoreTest::writeImage);
    Snapshot large = store.create(key(Map.of("size", "LARGE")), SnapshotStoreTest::writeImage);

    assertThat(small.directory()).isNotEqualTo(large.directory());
    assertThat(store.lookup(key(Map.of("size", "SMALL"))))
        .isEqualTo(new SnapshotLookup.Found(small));
    assertThat(store.lookup(key(Map.of("size", "LARGE"))))
        .isEqualTo(new SnapshotLookup.Found(large));
    assertThat(store.lookup(key(Map.of()))).isInstanceOf(SnapshotLookup.Missing.class);
  }
}
