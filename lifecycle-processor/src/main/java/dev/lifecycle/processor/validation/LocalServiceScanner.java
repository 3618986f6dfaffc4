package dev.lifecycle.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Finds {@code @Service}, {@code @FunctionService} and {@code @Server} on local classes, which
 * javac never hands to processors ({@code getElementsAnnotatedWith} skips classes declared inside
 * methods), so they would silently get no dispatcher. Reads source trees; only javac offers them,
 * so with another compiler this check does nothing.
 */
public final class LocalServiceScanner {

  private static final String PACKAGE = "dev.lifecycle";

  private final Trees trees;

  private LocalServiceScanner(Trees trees) {
    this.trees = trees;
  }

  public static Optional<LocalServiceScanner> of(ProcessingEnvironment environment) {
    return JavacTrees.of(environment).map(LocalServiceScanner::new);
  }

  /** Reports LC123 on every local service class in the compilation units of {@code roots}. */
  public void scan(Set<? extends Element> roots) {
    Set<CompilationUnitTree> units = new LinkedHashSet<>();
    for (Element root : roots) {
      TreePath path = trees.getPath(root);
      if (path != null) {
        units.add(path.getCompilationUnit());
      }
    }
    for (CompilationUnitTree unit : units) {
      new Scanner(unit).scan(unit, null);
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final boolean importsLifecycle;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
      this.importsLifecycle =
          (unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE))
              || unit.getImports().stream()
                  .map(ImportTree::getQualifiedIdentifier)
                  .map(Object::toString)
                  .anyMatch(name -> name.equals(PACKAGE + ".*") || name.startsWith(PACKAGE + "."));
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      if (isLocal()) {
        for (AnnotationTree annotation : node.getModifiers().getAnnotations()) {
          serviceLabel(annotation)
              .ifPresent(
                  label ->
                      trees.printMessage(
                          Diagnostic.Kind.ERROR,
                          Message.SERVICE_LOCAL_CLASS.format(label, node.getSimpleName()),
                          node,
                          unit));
        }
      }
      return super.visitClass(node, unused);
    }

    /** Whether the class being visited sits in a method, lambda or initializer body. */
    private boolean isLocal() {
      for (TreePath path = getCurrentPath().getParentPath();
          path != null;
          path = path.getParentPath()) {
        Tree leaf = path.getLeaf();
        if (leaf instanceof ClassTree) {
          return false;
        }
        if (leaf instanceof MethodTree
            || leaf instanceof BlockTree
            || leaf instanceof LambdaExpressionTree) {
          return true;
        }
      }
      return false;
    }

    /** {@code @Service}, {@code @FunctionService} or {@code @Server} when it is one of ours. */
    private Optional<String> serviceLabel(AnnotationTree annotation) {
      String name = annotation.getAnnotationType().toString();
      for (String simple : new String[] {"Service", "FunctionService", "Server"}) {
        if (name.equals(PACKAGE + "." + simple) || (importsLifecycle && name.equals(simple))) {
          return Optional.of("@" + simple);
        }
      }
      return Optional.empty();
    }
  }
}
