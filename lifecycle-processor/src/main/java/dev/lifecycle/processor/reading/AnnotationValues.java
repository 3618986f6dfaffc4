package dev.lifecycle.processor.reading;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.util.Elements;

/** Reads annotation attributes from mirrors, which work for source and class files alike. */
public final class AnnotationValues {

  private AnnotationValues() {}

  /**
   * The explicitly written value of {@code attribute}, for precise positions; empty when the
   * default applies.
   */
  public static Optional<AnnotationValue> explicit(AnnotationMirror annotation, String attribute) {
    return annotation.getElementValues().entrySet().stream()
        .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
        .<AnnotationValue>map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * Every attribute by its name, defaults filled in, unwrapped ({@code Integer}, {@code String}
   * ...). An attribute whose value javac could not compute is missing or not of its declared type,
   * so callers check with {@code instanceof}.
   */
  public static Map<String, Object> withDefaults(Elements elements, AnnotationMirror annotation) {
    Map<String, Object> values = new HashMap<>();
    elements
        .getElementValuesWithDefaults(annotation)
        .forEach((key, value) -> values.put(key.getSimpleName().toString(), value.getValue()));
    return values;
  }
}
