package dev.lifecycle.runtime.spi;

/**
 * Java's widening primitive conversions (JLS 5.1.2) on boxed values: what a call may pass for a
 * primitive parameter without a cast.
 */
final class Widening {

  private Widening() {}

  /** {@code value} as the box of {@code primitive}, or null when Java would not convert it. */
  static Object to(Class<?> primitive, Object value) {
    if (value instanceof Character c) {
      return fromChar(primitive, c);
    }
    if (value instanceof Boolean) {
      return primitive == boolean.class ? value : null;
    }
    if (!(value instanceof Number number)) {
      return null;
    }
    int rank = rank(value);
    if (rank < 0) {
      return null; // BigDecimal, AtomicInteger, ...: not a primitive's box
    }
    if (primitive == byte.class) {
      return rank == 0 ? value : null;
    } else if (primitive == short.class) {
      return rank <= 1 ? Short.valueOf(number.shortValue()) : null;
    } else if (primitive == int.class) {
      return rank <= 2 ? Integer.valueOf(number.intValue()) : null;
    } else if (primitive == long.class) {
      return rank <= 3 ? Long.valueOf(number.longValue()) : null;
    } else if (primitive == float.class) {
      return rank <= 4 ? Float.valueOf(number.floatValue()) : null;
    } else if (primitive == double.class) {
      return Double.valueOf(number.doubleValue());
    }
    return null; // char or boolean from a number: Java needs a cast
  }

  private static Object fromChar(Class<?> primitive, char c) {
    if (primitive == char.class) {
      return c;
    } else if (primitive == int.class) {
      return (int) c;
    } else if (primitive == long.class) {
      return (long) c;
    } else if (primitive == float.class) {
      return (float) c;
    } else if (primitive == double.class) {
      return (double) c;
    }
    return null;
  }

  /** byte 0, short 1, int 2, long 3, float 4, double 5; -1 for other numbers. */
  private static int rank(Object number) {
    if (number instanceof Byte) {
      return 0;
    } else if (number instanceof Short) {
      return 1;
    } else if (number instanceof Integer) {
      return 2;
    } else if (number instanceof Long) {
      return 3;
    } else if (number instanceof Float) {
      return 4;
    } else if (number instanceof Double) {
      return 5;
    }
    return -1;
  }
}
