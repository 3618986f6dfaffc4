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

  /** Build tools that link class files into a directory instead of copying them are served alike. */
  @Test
  void aLinkedClassFileCountsAsTheFileItLinksTo() throws Exception {
    Path copied = Files.createDirectories(tmp.resolve("copied/classes/com/example"));
    Files.writeString(copied.resolve("Greeter.class"), "v1");
    Files.writeString(copied.resolve("Main.class"), "main");
    Path linked = Files.createDirectories(tmp.resolve("linked/classes/com/example"));
    Path target = Files.writeString(tmp.resolve("Greeter.class.out"), "v1");
    Files.createSymbolicLink(linked.resolve("Greeter.class"), target);
    Files.writeString(linked.resolve("Main.class"), "main");

    String digest = ClasspathDigest.of(List.of(tmp.resolve("linked/classes")));
    assertThat(digest).isEqualTo(ClasspathDigest.of(List.of(tmp.resolve("copied/classes"))));

    Files.writeString(target, "v2");
    assertThat(ClasspathDigest.of(List.of(tmp.resolve("linked/classes")))).isNotEqualTo(digest);
  }

  @Test
  void aClasspathSeenBeforeIsNotReadAgainUntilAFileChanges() throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("seen/classes"));
    Files.writeString(classes.resolve("A.class"), "a1");
    Files.writeString(classes.resolve("B.class"), "b1");
    Path jar = Files.writeString(tmp.resolve("seen/lib.jar"), "jar bytes");
    List<Path> classpath = List.of(classes, jar);
    Thread.sleep(1_100); // files changed within a second are read each time
    String first = ClasspathDigest.of(classpath);
    long read = ClasspathDigest.filesRead();

    assertThat(ClasspathDigest.of(classpath)).isEqualTo(first);
    assertThat(ClasspathDigest.filesRead()).as("files read for the same class path").isEqualTo(read);

    Files.writeString(classes.resolve("A.class"), "a2"); // same size: the stamp still differs
    String changed = ClasspathDigest.of(classpath);
    assertThat(changed).isNotEqualTo(first);
    assertThat(ClasspathDigest.filesRead()).as("the directory read again, not the jar")
        .isEqualTo(read + 2);

    Files.writeString(classes.resolve("C.class"), "c1");
    assertThat(ClasspathDigest.of(classpath)).isNotEqualTo(changed);
  }

  @Test
  void aFileChangedWithinTheLastSecondIsReadEachTime() throws Exception {
    Path jar = Files.writeString(tmp.resolve("fresh.jar"), "just written");
    ClasspathDigest.of(List.of(jar));
    long read = ClasspathDigest.filesRead();

    ClasspathDigest.of(List.of(jar));
    assertThat(ClasspathDigest.filesRead()).isEqualTo(read + 1);
  }
}
