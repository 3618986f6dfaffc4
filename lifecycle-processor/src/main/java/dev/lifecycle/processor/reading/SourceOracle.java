package dev.lifecycle.processor.reading;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Tells elements declared in the sources being compiled from those read from class files.
 *
 * <p>A diagnostic on an element from a class file has no position, so it would never reach the
 * editor: such findings go on the service that inherits the element instead. javac answers through
 * its tree API; other compilers are assumed to compile everything from source.
 */
public interface SourceOracle {

  boolean isInSource(Element element);

  static SourceOracle of(ProcessingEnvironment environment) {
    return JavacTrees.of(environment)
        .<SourceOracle>map(trees -> element -> trees.getPath(element) != null)
        .orElse(element -> true);
  }
}
