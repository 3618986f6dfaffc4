package dev.lifecycle.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parameter's declared type as {@link ParameterDescriptor#genericType()} spells it, read into
 * its class and type arguments: {@code java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>}.
 * Only what the argument rule needs: a type argument whose class cannot be found here (a type
 * variable, say) is {@linkplain #unknown() unknown}, and nothing is checked against it.
 *
 * @param erasure the class, or empty when unknown
 * @param arguments the type arguments, in order; wildcards are read as their bound
 */
record DeclaredType(Optional<Class<?>> erasure, List<DeclaredType> arguments) {

  private static final DeclaredType UNKNOWN = new DeclaredType(Optional.empty(), List.of());

  static DeclaredType unknown() {
    return UNKNOWN;
  }

  /** {@code text} read with {@code loader}; never throws: what cannot be read is unknown. */
  static DeclaredType parse(String text, ClassLoader loader) {
    try {
      Parser parser = new Parser(text, loader);
      DeclaredType type = parser.type();
      return parser.atEnd() ? type : UNKNOWN;
    } catch (RuntimeException unreadable) {
      return UNKNOWN;
    }
  }

  /** The i-th type argument, unknown when there is none. */
  DeclaredType argument(int i) {
    return i < arguments.size() ? arguments.get(i) : UNKNOWN;
  }

  private static final class Parser {
    private final String text;
    private final ClassLoader loader;
    private int at;

    Parser(String text, ClassLoader loader) {
      this.text = text;
      this.loader = loader;
    }

    boolean atEnd() {
      skipSpaces();
      return at == text.length();
    }

    DeclaredType type() {
      skipSpaces();
      if (text.startsWith("?", at)) {
        at++;
        skipSpaces();
        if (text.startsWith("extends", at)) {
          at += "extends".length();
          return type();
        }
        if (text.startsWith("super", at)) {
          at += "super".length();
          type();
        }
        return UNKNOWN;
      }
      int start = at;
      while (at < text.length() && (Character.isJavaIdentifierPart(text.charAt(at)) || text.charAt(at) == '.')) {
        at++;
      }
      String name = text.substring(start, at);
      List<DeclaredType> arguments = new ArrayList<>();
      skipSpaces();
      if (at < text.length() && text.charAt(at) == '<') {
        at++;
        do {
          arguments.add(type());
          skipSpaces();
        } while (at < text.length() && text.charAt(at++) == ',');
      }
      int dimensions = 0;
      skipSpaces();
      while (text.startsWith("[]", at)) {
        at += 2;
        dimensions++;
        skipSpaces();
      }
      Optional<Class<?>> erasure = load(name);
      for (int i = 0; i < dimensions && erasure.isPresent(); i++) {
        erasure = Optional.of(erasure.get().arrayType());
      }
      return new DeclaredType(erasure, dimensions > 0 ? List.of() : List.copyOf(arguments));
    }

    private void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }

    /** A canonical name ({@code a.B.C} for a nested class) as a class of {@code loader}. */
    private Optional<Class<?>> load(String canonical) {
      switch (canonical) {
        case "int": return Optional.of(int.class);
        case "long": return Optional.of(long.class);
        case "double": return Optional.of(double.class);
        case "float": return Optional.of(float.class);
        case "short": return Optional.of(short.class);
        case "byte": return Optional.of(byte.class);
        case "char": return Optional.of(char.class);
        case "boolean": return Optional.of(boolean.class);
        default: break;
      }
      String binary = canonical;
      while (true) {
        try {
          return Optional.of(Class.forName(binary, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
          int dot = binary.lastIndexOf('.');
          if (dot < 0) {
            return Optional.empty(); // a type variable, or a class this loader does not see
          }
          binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
        }
      }
    }
  }
}
