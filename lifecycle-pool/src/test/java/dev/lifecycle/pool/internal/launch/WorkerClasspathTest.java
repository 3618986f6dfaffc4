package dev.lifecycle.pool.internal.launch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workers' class path without lifecycle-pool is named when the pool is built. */
class WorkerClasspathTest {

  @TempDir Path dir;

  @Test
  void aClassPathWithoutLifecyclePoolIsRefusedNamingTheArtifact() throws IOException {
    Path services = Files.createDirectories(dir.resolve("services"));

    assertThatThrownBy(() -> WorkerLauncher.requireWorkerMain("com.example.Model", List.of(services)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("for com.example.Model")
        .hasMessageContaining("does not hold lifecycle-pool")
        .hasMessageContaining("add the lifecycle-pool jar");
  }

  @Test
  void aJarOrADirectoryHoldingTheWorkersMainClassWillDo() throws IOException {
    Path jar = dir.resolve("lifecycle-pool.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry("dev/lifecycle/pool/internal/worker/WorkerMain.class"));
      entries.closeEntry();
    }
    List<Path> testClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList();

    assertThatCode(() -> WorkerLauncher.requireWorkerMain("com.example.Model", List.of(dir, jar)))
        .doesNotThrowAnyException();
    assertThatCode(() -> WorkerLauncher.requireWorkerMain("com.example.Model", testClassPath))
        .doesNotThrowAnyException();
  }
}
