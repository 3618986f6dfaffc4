package dev.lifecycle.pool.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathDigestTest {

  @TempDir Path tmp;

  @Test
  void dependsOnContentsNotOnTimestampsOrLocation() throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("a/classes/com/example"));
    Files.writeString(classes.resolve("Greeter.class"), "v1");
    Path jar = Files.writeString(tmp.resolve("a/lib.jar"), "jar bytes");
    String before = ClasspathDigest.of(List.of(tmp.resolve("a/classes"), jar));

    Files.setLastModifiedTime(classes.resolve("Greeter.class"), FileTime.fromMillis(0));
    assertThat(ClasspathDigest.of(List.of(tmp.resolve("a/classes"), jar))).isEqualTo(before);

    Path copy = Files.createDirectories(tmp.resolve("b/classes/com/example"));
    Files.writeString(copy.resolve("Greeter.class"), "v1");
    Path jarCopy = Files.writeString(tmp.resolve("b/other-name.jar"), "jar bytes");
    assertThat(ClasspathDigest.of(List.of(tmp.resolve("b/classes"), jarCopy))).isEqualTo(before);

    Files.writeString(classes.resolve("Greeter.class"), "v2");
    assertThat(ClasspathDigest.of(List.of(tmp.resolve("a/classes"), jar))).isNotEqualTo(before);
  }

  @Test
  void orderAndMissingEntriesCount() throws Exception {
    Path x = Files.writeString(tmp.resolve("x.jar"), "x");
    Path y = Files.writeString(tmp.resolve("y.jar"), "y");
    Path missing = tmp.resolve("missing.jar");

    assertThat(ClasspathDigest.of(List.of(x, y))).isNotEqualTo(ClasspathDigest.of(List.of(y, x)));
    String withMissing = ClasspathDigest.of(List.of(x, missing));
    assertThat(withMissing).isNotEqualTo(ClasspathDigest.of(List.of(x)));
    Files.writeString(missing, "now here");
    assertThat(ClasspathDigest.of(List.of(x, missing))).isNotEqualTo(withMissing);
  }

  @Test
  void aRenamedClassFileIsADifferentClasspath() throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Files.writeString(classes.resolve("A.class"), "same");
    String before = ClasspathDigest.of(List.of(classes));
    Files.move(classes.resolve("A.class"), classes.resolve("B.class"));

    assertThat(ClasspathDigest.of(List.of(classes))).isNotEqualTo(before);
  }
}
