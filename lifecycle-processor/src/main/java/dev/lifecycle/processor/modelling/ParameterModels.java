package dev.lifecycle.processor.modelling;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.lifecycle.processor.model.ServiceParameterModel;
import dev.lifecycle.processor.reading.ParameterField;
import dev.lifecycle.processor.rules.ParameterTypes;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** The models of a service's {@code @Parameter} fields, whose types the rules accepted. */
final class ParameterModels {

  private static final Map<String, Kind> BY_TYPE =
      Map.ofEntries(
          Map.entry("java.lang.String", Kind.STRING),
          Map.entry("boolean", Kind.BOOLEAN),
          Map.entry("java.lang.Boolean", Kind.BOOLEAN),
          Map.entry("char", Kind.CHAR),
          Map.entry("java.lang.Character", Kind.CHAR),
          Map.entry("byte", Kind.BYTE),
          Map.entry("java.lang.Byte", Kind.BYTE),
          Map.entry("short", Kind.SHORT),
          Map.entry("java.lang.Short", Kind.SHORT),
          Map.entry("int", Kind.INT),
          Map.entry("java.lang.Integer", Kind.INT),
          Map.entry("long", Kind.LONG),
          Map.entry("java.lang.Long", Kind.LONG),
          Map.entry("float", Kind.FLOAT),
          Map.entry("java.lang.Float", Kind.FLOAT),
          Map.entry("double", Kind.DOUBLE),
          Map.entry("java.lang.Double", Kind.DOUBLE));

  private final Types types;

  ParameterModels(Types types) {
    this.types = types;
  }

  ServiceParameterModel of(ParameterField parameter) {
    TypeMirror type = types.erasure(parameter.field().asType());
    // From the element, not toString(): a type-use annotation would show in the text.
    TypeElement declared =
        type instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    String typeName =
        declared != null
            ? declared.getQualifiedName().toString()
            : type.getKind().name().toLowerCase(Locale.ROOT);
    List<String> constants =
        ParameterTypes.enumOf(type)
            .map(ParameterModels::constants)
            .orElse(List.of());
    Kind kind = ParameterTypes.enumOf(type).isPresent() ? Kind.ENUM : BY_TYPE.get(typeName);
    if (kind == null) {
      throw new IllegalStateException("the rules let @Parameter type " + typeName + " through");
    }
    return new ServiceParameterModel(
        parameter.name(),
        kind,
        declared != null ? ClassName.get(declared) : TypeName.get(type),
        typeName,
        parameter.required(),
        parameter.declaringType().getQualifiedName().toString(),
        constants);
  }

  private static List<String> constants(TypeElement enumType) {
    return enumType.getEnclosedElements().stream()
        .filter(element -> element.getKind() == ElementKind.ENUM_CONSTANT)
        .map(element -> element.getSimpleName().toString())
        .toList();
  }
}
