package dev.lifecycle.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * One {@code @Parameter} field of a service: a value each container sets from its configuration.
 *
 * @param index the parameter's position in {@link ServiceDescriptor#parameters()}
 * @param name the parameter's name, which is the field's name
 * @param kind what values it takes
 * @param typeName the field's type as source spells it, qualified: {@code int}, {@code
 *     java.lang.Integer}, {@code com.example.Size}
 * @param required {@code @Parameter(required)}: whether a container refuses to start without it
 * @param declaringClass the canonical name of the class that declares the field (a superclass of
 *     the service for an inherited one)
 * @param constants for an enum, the names of its constants in declaration order; empty otherwise
 */
public record ServiceParameterDescriptor(
    int index,
    String name,
    Kind kind,
    String typeName,
    boolean required,
    String declaringClass,
    List<String> constants) {

  /** What values a parameter takes, by the type of its field; a box takes what its primitive does. */
  public enum Kind {
    STRING,
    BOOLEAN,
    CHAR,
    BYTE,
    SHORT,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    ENUM
  }

  /** A parameter of a type other than an enum. */
  public ServiceParameterDescriptor(
      int index, String name, Kind kind, String typeName, boolean required, String declaringClass) {
    this(index, name, kind, typeName, required, declaringClass, List.of());
  }

  public ServiceParameterDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(declaringClass, "declaringClass");
    constants = List.copyOf(constants);
  }

  /** {@code com.example.Model.size}: how messages name the field. */
  public String fieldName() {
    return declaringClass + "." + name;
  }

  /** {@code size (com.example.Size, required)}: how messages list it. */
  public String summary() {
    return name + " (" + typeName + (required ? ", required" : "") + ")";
  }
}
