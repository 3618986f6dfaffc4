package dev.lifecycle.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;

/**
 * Classes "compiled earlier into a jar": the class files of one compilation packed into a jar, to
 * put on the classpath of a later compilation, where they have no source.
 */
public final class PrecompiledClasses {

  private PrecompiledClasses() {}

  /**
   * Compiles {@code sources} without any annotation processor, as a library built without
   * Lifecycle's processor would be; this is how a base class with a broken hook gets compiled.
   */
  public static Compilation compileWithoutProcessor(JavaFileObject... sources) {
    Compilation compilation = javac().withOptions("-proc:none").compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("precompilation failed: " + compilation.diagnostics());
    }
    return compilation;
  }

  /**
   * Packs the class files of {@code compilation} into {@code directory/library.jar}, as a library
   * compiled earlier would arrive, and returns the jar.
   */
  public static Path writeJar(Compilation compilation, Path directory) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("precompilation failed: " + compilation.diagnostics());
    }
    Path jar = directory.resolve("library.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() != JavaFileObject.Kind.CLASS) {
          continue;
        }
        // Names look like /CLASS_OUTPUT/com/example/Base.class
        String uriPath = file.toUri().getPath();
        out.putNextEntry(new JarEntry(uriPath.substring(uriPath.indexOf('/', 1) + 1)));
        try (InputStream in = file.openInputStream()) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }
}
