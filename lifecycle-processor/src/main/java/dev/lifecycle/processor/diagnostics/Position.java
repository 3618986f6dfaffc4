package dev.lifecycle.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** Where a finding points, as precisely as the sources allow, so that an IDE marks the token. */
sealed interface Position {

  /**
   * On an element, one annotation of it, or one value of that annotation; the annotation and the
   * value are null where they do not apply, the element is null for the compilation as a whole.
   */
  record OnElement(Element element, AnnotationMirror annotation, AnnotationValue value)
      implements Position {}

  /** On the return type of a method in source, as written (the method itself where not found). */
  record OnReturnType(ExecutableElement method) implements Position {}

  /** On a source tree, for what has no element yet (a local class before attribution). */
  record OnTree(Tree tree, CompilationUnitTree unit) implements Position {}
}
