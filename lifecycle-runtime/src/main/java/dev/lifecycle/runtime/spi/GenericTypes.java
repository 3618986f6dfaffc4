package dev.lifecycle.runtime.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Declared types as reflection's {@link Type}s, for readers that build values of a type (a JSON
 * library): descriptors spell types as the source does, {@code List<Shop.Item>}, which names no
 * class {@code Class.forName} can find when {@code Item} is nested, and which a reader parsing
 * the text itself may read as less than the type it is.
 */
public final class GenericTypes {

  private GenericTypes() {}

  /**
   * {@code genericType} ({@code java.util.List<com.example.Shop.Item>}) with its classes found
   * with {@code loader}; what cannot be found there (a type variable) becomes {@code Object}.
   */
  public static Type reflect(String genericType, ClassLoader loader) {
    return reflect(DeclaredType.parse(genericType, loader));
  }

  private static Type reflect(DeclaredType type) {
    Class<?> erasure = type.erasure().orElse(Object.class);
    if (type.arguments().isEmpty() || type.erasure().isEmpty()) {
      return erasure;
    }
    return new Parameterized(erasure, type.arguments().stream().map(GenericTypes::reflect).toList());
  }

  /** A class with type arguments; equal to the JDK's own for the same type. */
  private record Parameterized(Class<?> raw, List<Type> arguments) implements ParameterizedType {

    @Override
    public Type[] getActualTypeArguments() {
      return arguments.toArray(Type[]::new);
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ParameterizedType that
          && raw.equals(that.getRawType())
          && Objects.equals(getOwnerType(), that.getOwnerType())
          && Arrays.equals(getActualTypeArguments(), that.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(getActualTypeArguments()) ^ Objects.hashCode(getOwnerType())
          ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return raw.getTypeName() + arguments.stream().map(Type::getTypeName)
          .collect(Collectors.joining(", ", "<", ">"));
    }
  }
}
