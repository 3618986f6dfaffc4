package dev.lifecycle.processor.rules;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * Classes "compiled earlier into a jar": the class files of one compilation written to a directory
 * with package folders, to put on the classpath of a later compilation, where they have no source.
 */
final class PrecompiledClasses {

  private PrecompiledClasses() {}

  /**
   * Compiles {@code sources} without any annotation processor, as a library built without
   * Lifecycle's processor would be; this is how a base class with a broken hook gets compiled.
   */
  static Compilation compileWithoutProcessor(JavaFileObject... sources) {
    Compilation compilation = javac().withOptions("-proc:none").compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("precompilation failed: " + compilation.diagnostics());
    }
    return compilation;
  }

  /** Writes the class files of {@code compilation} under {@code directory} and returns it. */
  static Path writeClassFiles(Compilation compilation, Path directory) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("precompilation failed: " + compilation.diagnostics());
    }
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // Names look like /CLASS_OUTPUT/com/example/Base.class
      String uriPath = file.toUri().getPath();
      Path target = directory.resolve(uriPath.substring(uriPath.indexOf('/', 1) + 1));
      try (InputStream in = file.openInputStream()) {
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return directory;
  }
}
