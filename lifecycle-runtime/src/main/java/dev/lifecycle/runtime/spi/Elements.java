package dev.lifecycle.runtime.spi;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what a collection, map, array or {@code Optional} argument holds against the parameter's
 * type arguments, as the compiler would have for a call it saw; Java converts no element, so none
 * is converted here. Elements may be null. Other generic types are checked by their class only.
 */
final class Elements {

  /** Bounds the words of a message; the check itself goes through every element. */
  private static final int MAX_SHOWN = 60;

  private Elements() {}

  /** Whether {@code value} holds elements to check: a collection, map, object array or Optional. */
  static boolean holdsElements(Object value) {
    return value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Optional<?>
        || (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive());
  }

  /** The first element that does not fit, in words; null when all fit. */
  static String firstMismatch(DeclaredType declared, Object value) {
    if (value == null || declared.erasure().isEmpty()) {
      return null;
    }
    // Never a primitive: parameters of primitive types never get here, type arguments are
    // classes, and only arrays of objects are looked into.
    Class<?> type = declared.erasure().get();
    if (!type.isInstance(value)) {
      return "a " + value.getClass().getName();
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        String wrong = firstMismatch(declared.argument(0), element);
        if (wrong != null) {
          return shown(wrong) + " at index " + i;
        }
        i++;
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = firstMismatch(declared.argument(0), entry.getKey());
        if (key != null) {
          return shown(key) + " as a key";
        }
        String wrong = firstMismatch(declared.argument(1), entry.getValue());
        if (wrong != null) {
          return shown(wrong) + " as the value of key " + shown(String.valueOf(entry.getKey()));
        }
      }
    } else if (value instanceof Optional<?> optional && optional.isPresent()) {
      String wrong = firstMismatch(declared.argument(0), optional.get());
      if (wrong != null) {
        return shown(wrong) + " in the Optional";
      }
    } else if (type.isArray() && !type.getComponentType().isPrimitive()) {
      DeclaredType component = new DeclaredType(Optional.of(type.getComponentType()), java.util.List.of());
      for (int i = 0; i < Array.getLength(value); i++) {
        String wrong = firstMismatch(component, Array.get(value, i));
        if (wrong != null) {
          return shown(wrong) + " at index " + i;
        }
      }
    }
    return null;
  }

  private static String shown(String words) {
    return words.length() <= MAX_SHOWN ? words : words.substring(0, MAX_SHOWN) + "...";
  }
}
