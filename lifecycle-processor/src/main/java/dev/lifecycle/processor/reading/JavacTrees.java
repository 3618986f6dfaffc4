package dev.lifecycle.processor.reading;

import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * javac's tree API, when the compiler is javac. Other compilers, and Gradle's incremental mode
 * (which wraps the processing environment), have none; callers then do without source trees.
 */
public final class JavacTrees {

  private JavacTrees() {}

  public static Optional<Trees> of(ProcessingEnvironment environment) {
    try {
      return Optional.of(Trees.instance(environment));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return Optional.empty();
    }
  }
}
