package dev.lifecycle.processor.rules;

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
import dev.lifecycle.Service;
import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.JavacTrees;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.SourceOracle;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Finds {@code @Service}, {@code @FunctionService} and {@code @Server} on local classes, which
 * javac never hands to processors ({@code getElementsAnnotatedWith} skips classes declared inside
 * methods), so they would silently get no dispatcher. Reads source trees; only javac offers them,
 * so with another compiler this check does nothing.
 */
public final class LocalServiceScanner {

  private static final String PACKAGE = Service.class.getPackageName();

  private final Trees trees;
  private final SourceOracle sources;

  private LocalServiceScanner(Trees trees, SourceOracle sources) {
    this.trees = trees;
    this.sources = sources;
  }

  public static Optional<LocalServiceScanner> of(
      ProcessingEnvironment environment, SourceOracle sources) {
    return JavacTrees.of(environment).map(trees -> new LocalServiceScanner(trees, sources));
  }

  /** LC123 on every local service class in the compilation units of {@code roots}. */
  public ValidationReport scan(Set<? extends Element> roots) {
    ValidationReport.Builder report = ValidationReport.aboutCompilation(sources);
    Set<CompilationUnitTree> units = new LinkedHashSet<>();
    for (Element root : roots) {
      TreePath path = trees.getPath(root);
      if (path != null) {
        units.add(path.getCompilationUnit());
      }
    }
    for (CompilationUnitTree unit : units) {
      new Scanner(unit, report).scan(unit, null);
    }
    return report.build();
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final ValidationReport.Builder report;
    private final boolean importsLifecycle;

    Scanner(CompilationUnitTree unit, ValidationReport.Builder report) {
      this.unit = unit;
      this.report = report;
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
                      report
                          .about(node, unit)
                          .report(Message.SERVICE_LOCAL_CLASS, label, node.getSimpleName()));
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
      for (String qualified : LifecycleAnnotations.SERVICES) {
        String simple = qualified.substring(PACKAGE.length() + 1);
        if (name.equals(qualified) || (importsLifecycle && name.equals(simple))) {
          return Optional.of("@" + simple);
        }
      }
      return Optional.empty();
    }
  }
}
