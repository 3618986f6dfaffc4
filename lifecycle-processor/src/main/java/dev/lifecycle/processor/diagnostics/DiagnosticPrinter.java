package dev.lifecycle.processor.diagnostics;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.ExecutableElement;

/**
 * Prints reports through the {@link Messager}, each finding once per compilation.
 *
 * <p>A base class shared by several services is validated once per service; without this, its
 * errors would be printed once per service.
 */
public final class DiagnosticPrinter {

  private record Key(Position position, String text) {}

  private final Messager messager;
  /** For findings on source trees; present whenever such findings can be made. */
  private final Optional<Trees> trees;
  private final Set<Key> printed = new HashSet<>();

  public DiagnosticPrinter(Messager messager, Optional<Trees> trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** Prints each finding of {@code report} not printed before. */
  public void print(ValidationReport report) {
    for (ValidationReport.Item item : report.items()) {
      if (printed.add(new Key(item.position(), item.text()))) {
        printItem(item);
      }
    }
  }

  /** Prints every finding of {@code report}, printed before or not: each crash is reported. */
  public void printAll(ValidationReport report) {
    report.items().forEach(this::printItem);
  }

  private void printItem(ValidationReport.Item item) {
    if (item.position() instanceof Position.OnTree on) {
      trees.ifPresentOrElse(
          found -> found.printMessage(item.kind(), item.text(), on.tree(), on.unit()),
          () -> messager.printMessage(item.kind(), item.text()));
      return;
    }
    if (item.position() instanceof Position.OnReturnType on) {
      printOnReturnType(item, on.method());
      return;
    }
    Position.OnElement on = (Position.OnElement) item.position();
    if (on.value() != null) {
      messager.printMessage(item.kind(), item.text(), on.element(), on.annotation(), on.value());
    } else if (on.annotation() != null) {
      messager.printMessage(item.kind(), item.text(), on.element(), on.annotation());
    } else {
      messager.printMessage(item.kind(), item.text(), on.element());
    }
  }

  private void printOnReturnType(ValidationReport.Item item, ExecutableElement method) {
    MethodTree tree = trees.map(found -> found.getTree(method)).orElse(null);
    TreePath path = trees.map(found -> found.getPath(method)).orElse(null);
    if (tree == null || tree.getReturnType() == null || path == null) {
      messager.printMessage(item.kind(), item.text(), method);
    } else {
      trees.get().printMessage(item.kind(), item.text(), tree.getReturnType(), path.getCompilationUnit());
    }
  }
}
