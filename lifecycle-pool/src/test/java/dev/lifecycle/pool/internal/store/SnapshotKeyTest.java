package dev.lifecycle.pool.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotKeyTest {

  @TempDir Path tmp;

  private static final SnapshotKey KEY = new SnapshotKey("com.example.Greeter", "abc", "Vendor 17 /jdk",
      List.of("-Xmx1g", "-XX:-UsePerfData"), "4.1.1", "6.18.0");

  @Test
  void theDigestIsStableAcrossRunsAndReleases() {
    // Pinned: a change here would orphan every snapshot users have on disk.
    assertThat(KEY.digest()).isEqualTo("c8e8f93853b477af940d7bb38d4a48ecb09997b9ce04dacb2f0923c85e94562c");
    assertThat(KEY.directoryName()).isEqualTo("Greeter-" + KEY.digest().substring(0, 32));
  }

  @Test
  void everyFieldChangesTheDigest() {
    Set<String> digests = new HashSet<>(List.of(
        KEY.digest(),
        new SnapshotKey("com.example.Other", "abc", "Vendor 17 /jdk", KEY.jvmOptions(), "4.1.1", "6.18.0").digest(),
        new SnapshotKey(KEY.serviceClass(), "abd", "Vendor 17 /jdk", KEY.jvmOptions(), "4.1.1", "6.18.0").digest(),
        new SnapshotKey(KEY.serviceClass(), "abc", "Vendor 21 /jdk", KEY.jvmOptions(), "4.1.1", "6.18.0").digest(),
        new SnapshotKey(KEY.serviceClass(), "abc", "Vendor 17 /jdk", List.of("-Xmx1g"), "4.1.1", "6.18.0").digest(),
        new SnapshotKey(KEY.serviceClass(), "abc", "Vendor 17 /jdk", KEY.jvmOptions(), "4.2", "6.18.0").digest(),
        new SnapshotKey(KEY.serviceClass(), "abc", "Vendor 17 /jdk", KEY.jvmOptions(), "4.1.1", "6.19.0").digest(),
        // Length prefixes: moving a character between adjacent fields is a different key.
        new SnapshotKey(KEY.serviceClass(), "abc", "Vendor 17 /jdk", List.of("-Xmx1g-XX:-UsePerfData", ""), "4.1.1",
            "6.18.0").digest()));
    assertThat(digests).hasSize(8);
  }

  @Test
  void forThisJvmHashesTheClasspathAndReadsJavaAndKernel() throws Exception {
    Path jar = Files.write(tmp.resolve("app.jar"), new byte[] {1, 2, 3});

    SnapshotKey key = SnapshotKey.forThisJvm("com.example.Greeter", List.of(jar), List.of("-Xmx1g"), "4.1.1");

    assertThat(key.classpathDigest()).isEqualTo(ClasspathDigest.of(List.of(jar)));
    assertThat(key.javaVersion()).contains(System.getProperty("java.runtime.version"))
        .contains(System.getProperty("java.home"));
    assertThat(key.kernelRelease()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
  }

  @Test
  void parametersArePartOfTheKeyAndAKeyWithoutThemKeepsItsDigest() {
    SnapshotKey small = withParameters(Map.of("size", "small"));
    SnapshotKey large = withParameters(Map.of("size", "large"));

    assertThat(withParameters(Map.of()).digest()).isEqualTo(KEY.digest());
    assertThat(Set.of(KEY.digest(), small.digest(), large.digest(),
        withParameters(Map.of("size", "small", "threads", "2")).digest(),
        // Length prefixes again: the boundary between a name and its value matters.
        withParameters(Map.of("sizes", "mall")).digest())).hasSize(5);
    assertThat(withParameters(new TreeMap<>(Map.of("b", "2", "a", "1"))).digest())
        .as("parameters are hashed in name order, whatever order they were given in")
        .isEqualTo(withParameters(new LinkedHashMap<>(Map.of("a", "1", "b", "2"))).digest());
    assertThat(large.difference(small)).isEqualTo("parameters {size=small} vs {size=large}");
    assertThat(small.difference(small)).isEmpty();
  }

  private static SnapshotKey withParameters(Map<String, String> parameters) {
    return new SnapshotKey(KEY.serviceClass(), KEY.classpathDigest(), KEY.javaVersion(),
        KEY.jvmOptions(), KEY.engineIdentity(), KEY.kernelRelease(), parameters);
  }
}
