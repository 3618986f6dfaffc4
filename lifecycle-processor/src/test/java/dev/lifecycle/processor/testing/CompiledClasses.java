package dev.lifecycle.processor.testing;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the class files of an in-memory compilation, so tests can run generated dispatchers.
 * compile-testing keeps class files in memory only; a class loader is the one piece it lacks.
 */
public final class CompiledClasses extends ClassLoader {

  private final Map<String, byte[]> classes = new HashMap<>();

  public CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // Names look like /CLASS_OUTPUT/com/example/Service.class
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf('/', 1) + 1, path.length() - ".class".length());
      try (InputStream in = file.openInputStream()) {
        classes.put(name.replace('/', '.'), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** Loads {@code name} from the compilation. */
  public Class<?> load(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not compiled: " + name + "; compiled: " + classes.keySet(), e);
    }
  }
}
