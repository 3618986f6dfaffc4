package dev.lifecycle.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** Where a finding points, as precisely as the sources allow, so that an IDE marks the token. */
sealed interface Position {

  /**
   * On an element, one annotation of it, or one value of that annotation; the annotation and the
   * value are null where they do not apply, the element is null for the compilation as a whole.
   */
  record OnElement(Element element, AnnotationMirror annotation, AnnotationValue value)
      implements Position {}

  /** On a source tree, for what has no element yet (a local class before attribution). */
  record OnTree(Tree tree, CompilationUnitTree unit) implements Position {}
}
