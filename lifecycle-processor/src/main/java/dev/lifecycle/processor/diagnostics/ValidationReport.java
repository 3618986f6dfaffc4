package dev.lifecycle.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.lifecycle.processor.reading.SourceOracle;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * The findings about one subject (a service, a method, a source file), in the order they were
 * found. Immutable once built; printed by {@link DiagnosticPrinter}. Generation only runs from a
 * clean report.
 */
public final class ValidationReport {

  /** One finding, with its text and where it points. */
  record Item(Diagnostic.Kind kind, String text, Position position) {}

  private final List<Item> items;

  private ValidationReport(List<Item> items) {
    this.items = List.copyOf(items);
  }

  List<Item> items() {
    return items;
  }

  /** True when nothing in the report is an error (warnings allowed). */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  /** A report about {@code subject}, an element in source; {@code sources} places the rest. */
  public static Builder about(Element subject, SourceOracle sources) {
    return new Builder(new ArrayList<>(), sources, onElement(subject), subject);
  }

  /**
   * A report about the compilation as a whole: its own findings have no position, those {@link
   * Builder#about} an element in source go on the element.
   */
  public static Builder aboutCompilation(SourceOracle sources) {
    return new Builder(new ArrayList<>(), sources, onElement(null), null);
  }

  private static Position onElement(Element element) {
    return new Position.OnElement(element, null, null);
  }

  /**
   * Collects findings; every rule reports here and validation goes on, so one compile shows all.
   * A builder points somewhere; {@link #about} and {@link #at} give builders that point elsewhere
   * and add to the same report.
   */
  public static final class Builder {
    private final List<Item> items;
    private final SourceOracle sources;
    private final Position position;
    /** The element this builder points at; null when it points where its parent points. */
    private final Element subject;

    private Builder(List<Item> items, SourceOracle sources, Position position, Element subject) {
      this.items = items;
      this.sources = sources;
      this.position = position;
      this.subject = subject;
    }

    /** Reports {@code message}, formatted with {@code args}, where this builder points. */
    public Builder report(Message message, Object... args) {
      items.add(new Item(message.kind(), message.format(args), position));
      return this;
    }

    /**
     * Findings about {@code element}, a member or constructor of the subject. The one placement
     * decision: they go on the element when it is in source; else (it was read from a class file,
     * which has no position an editor could show) where this builder points, usually the service
     * that inherits it. Every message names the element it is about, so it reads the same there.
     */
    public Builder about(Element element) {
      return sources.isInSource(element)
          ? new Builder(items, sources, onElement(element), element)
          : new Builder(items, sources, position, null);
    }

    /** Findings on the return type of {@code method}, placed as {@link #about(Element)} places. */
    public Builder aboutReturnType(ExecutableElement method) {
      return sources.isInSource(method)
          ? new Builder(items, sources, new Position.OnReturnType(method), method)
          : new Builder(items, sources, position, null);
    }

    /** Findings on {@code tree} of {@code unit}, for what has no element yet. */
    public Builder about(Tree tree, CompilationUnitTree unit) {
      return new Builder(items, sources, new Position.OnTree(tree, unit), null);
    }

    /** Findings on {@code annotation} of the element this builder points at. */
    public Builder at(AnnotationMirror annotation) {
      return at(annotation, null);
    }

    /**
     * Findings on {@code value} of {@code annotation}, which the element this builder points at
     * carries; where this builder borrows its parent's position, they stay there.
     */
    public Builder at(AnnotationMirror annotation, AnnotationValue value) {
      if (subject == null) {
        return this;
      }
      return new Builder(
          items, sources, new Position.OnElement(subject, annotation, value), subject);
    }

    public ValidationReport build() {
      return new ValidationReport(items);
    }
  }
}
