package dev.lifecycle.processor.validation;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;

/**
 * Prints reports through the {@link Messager}, each finding once per compilation.
 *
 * <p>A base class shared by several services is validated once per service; without this, its
 * errors would be printed once per service.
 */
public final class DiagnosticPrinter {

  private record Key(Object element, Object annotation, Object value, String text) {}

  private final Messager messager;
  private final Set<Key> printed = new HashSet<>();

  public DiagnosticPrinter(Messager messager) {
    this.messager = messager;
  }

  public void print(ValidationReport report) {
    for (ValidationReport.Item item : report.items()) {
      if (!printed.add(new Key(item.element(), item.annotation(), item.value(), item.text()))) {
        continue;
      }
      if (item.value() != null) {
        messager.printMessage(
            item.kind(), item.text(), item.element(), item.annotation(), item.value());
      } else if (item.annotation() != null) {
        messager.printMessage(item.kind(), item.text(), item.element(), item.annotation());
      } else {
        messager.printMessage(item.kind(), item.text(), item.element());
      }
    }
  }
}
