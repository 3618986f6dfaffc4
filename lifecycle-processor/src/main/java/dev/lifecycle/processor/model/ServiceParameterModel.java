package dev.lifecycle.processor.model;

import com.palantir.javapoet.TypeName;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor;
import java.util.List;

/**
 * One {@code @Parameter} field of a service, ready to generate.
 *
 * @param name the parameter's name, the field's
 * @param kind what values it takes
 * @param type the field's type, for the enum's class literal
 * @param typeName the field's type, qualified, for messages: {@code int}, {@code com.example.Size}
 * @param required {@code @Parameter(required)}
 * @param declaringClass the canonical name of the class that declares the field
 * @param constants an enum's constant names in declaration order; empty for other kinds
 */
public record ServiceParameterModel(
    String name,
    ServiceParameterDescriptor.Kind kind,
    TypeName type,
    String typeName,
    boolean required,
    String declaringClass,
    List<String> constants) {

  public ServiceParameterModel {
    constants = List.copyOf(constants);
  }
}
