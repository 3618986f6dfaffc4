package dev.lifecycle.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.lifecycle.processor.LifecycleProcessor;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with the real javac and the Lifecycle processor. */
public final class Compilations {

  private Compilations() {}

  /** A source file from a text block; its line numbers are the text block's lines, from 1. */
  public static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles {@code sources} with the processor, on the test classpath. */
  public static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new LifecycleProcessor()).compile(sources);
  }

  /** Compiles {@code sources} with the processor, with {@code extra} before the test classpath. */
  public static Compilation compileWithClasspath(List<File> extra, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>(extra);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return javac()
        .withProcessors(new LifecycleProcessor())
        .withClasspath(classpath)
        .compile(sources);
  }

  /**
   * Compiles {@code sources} with the processor, on the test classpath less the entries whose path
   * contains {@code artifact} (e.g. {@code "lifecycle-web"}), as a project without it would.
   */
  public static Compilation compileWithout(String artifact, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains(artifact)) {
        classpath.add(new File(entry));
      }
    }
    return javac()
        .withProcessors(new LifecycleProcessor())
        .withClasspath(classpath)
        .compile(sources);
  }

  /** The text of the generated source {@code qualifiedName}. */
  public static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName
                + "; generated: " + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(false).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
