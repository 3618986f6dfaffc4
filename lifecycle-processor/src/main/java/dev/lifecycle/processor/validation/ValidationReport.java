package dev.lifecycle.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The findings of one validation, in the order they were found. Immutable once built; printed by
 * {@link DiagnosticPrinter}. Generation only runs from a clean report.
 */
public final class ValidationReport {

  /**
   * One finding, placed as precisely as the model allows: on an element, an annotation of it, or
   * one value of that annotation, so that an IDE underlines the right token.
   */
  public record Item(
      Diagnostic.Kind kind,
      String text,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {}

  private final List<Item> items;

  private ValidationReport(List<Item> items) {
    this.items = List.copyOf(items);
  }

  public List<Item> items() {
    return items;
  }

  /** True when nothing in the report is an error (warnings allowed). */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects findings; every rule reports here and validation goes on, so one compile shows all. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();

    public Builder report(Message message, Element element, Object... args) {
      return report(message, element, null, null, args);
    }

    public Builder report(
        Message message,
        Element element,
        AnnotationMirror annotation,
        AnnotationValue value,
        Object... args) {
      items.add(new Item(message.kind(), message.format(args), element, annotation, value));
      return this;
    }

    public Builder addAll(ValidationReport other) {
      items.addAll(other.items);
      return this;
    }

    public ValidationReport build() {
      return new ValidationReport(items);
    }
  }
}
