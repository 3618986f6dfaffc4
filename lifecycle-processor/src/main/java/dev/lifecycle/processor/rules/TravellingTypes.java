package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The types a value may have to travel between a caller and a container as JSON, the same in one
 * JVM and through a pool (the list, with each type's JSON form, is in {@code docs/types.md}):
 * primitives and their boxes, {@code String}, enums, records and beans of travelling types,
 * arrays, {@code List}, {@code Set}, {@code Optional} and {@code Map} with {@code String} (or
 * enum) keys of travelling types, the {@code java.time} values, {@code UUID}, {@code BigDecimal}
 * and {@code BigInteger}.
 *
 * <p>A bean is a class, not abstract, not inner and not from the JDK, with a public no-argument
 * constructor and at least one property, each a public field or a public getter ({@code getX()},
 * or {@code isX()} for a {@code boolean}) with its public setter {@code setX(...)}: the shape the
 * pool's JSON reads and writes without annotations.
 */
final class TravellingTypes {

  /** Why a type cannot travel: where (from the declared type down), what is wrong, the fix. */
  record Untravelled(List<String> path, String problem, String fix) {

    /** {@code List<Pair> > Pair: Pair is ...}; the path is left out when it is the type itself. */
    String reason() {
      return path.size() <= 1 ? problem : String.join(" > ", path) + ": " + problem;
    }
  }

  private static final Set<String> SCALARS =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.Character",
          "java.lang.Void",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.util.UUID",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalTime",
          "java.time.LocalDateTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.ZonedDateTime",
          "java.time.Duration",
          "java.time.Period",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay",
          "java.time.ZoneId",
          "java.time.ZoneOffset");

  /** Containers of one type argument, the element. */
  private static final Set<String> ONE_ELEMENT =
      Set.of("java.util.List", "java.util.Set", "java.util.Optional");

  private static final String MAP = "java.util.Map";

  /** Deeper than this, a type is taken to grow without end (record R<T>(List<R<List<T>>> next)). */
  private static final int MAX_DEPTH = 32;

  /** Where the JDK's own classes are: none of them is a bean, whatever its methods look like. */
  private static final List<String> JDK_PACKAGES =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  private static final String BEAN_FIX_FORMAT =
      "Make %s a record, or give it a public no-argument constructor and a public getter and setter"
          + " for each property (docs/types.md)";

  private final Elements elements;
  private final Types types;
  private final TypeMirror collection;
  private final TypeMirror map;

  TravellingTypes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.collection = erased("java.util.Collection");
    this.map = erased(MAP);
  }

  private TypeMirror erased(String name) {
    return types.erasure(elements.getTypeElement(name).asType());
  }

  /** Why {@code type} cannot travel, or empty when it can ({@code void} can, as a result). */
  Optional<Untravelled> check(TypeMirror type) {
    return new Walk(false).check(type, Names.simpleType(type));
  }

  /**
   * As {@link #check}, for a type as a generic class declares it: its class's type variables pass,
   * for each service that extends the class gives them types, checked there.
   */
  Optional<Untravelled> checkAsDeclared(TypeMirror type) {
    return new Walk(true).check(type, Names.simpleType(type));
  }

  /**
   * As {@link #check} (or {@link #checkAsDeclared}), for a stream whose items travel one by one:
   * its item type must travel; the path starts at the stream.
   */
  Optional<Untravelled> checkStreamItems(DeclaredType stream, boolean asDeclared) {
    Walk walk = new Walk(asDeclared);
    walk.path.addLast(Names.simpleType(stream));
    TypeMirror item = stream.getTypeArguments().get(0);
    return walk.check(item, Names.simpleType(item));
  }

  /** One check, with the path it has taken and the types it has entered (records may recurse). */
  private final class Walk {
    private final boolean classVariablesPass;
    private final Deque<String> path = new ArrayDeque<>();
    private final Set<String> entered = new HashSet<>();

    Walk(boolean classVariablesPass) {
      this.classVariablesPass = classVariablesPass;
    }

    Optional<Untravelled> check(TypeMirror type, String step) {
      if (path.size() >= MAX_DEPTH) {
        return refuse(
            "it nests types more than " + MAX_DEPTH + " levels deep (a record or bean whose type"
                + " arguments grow as it holds itself never ends)",
            "Give the nested values a type of their own that holds itself as it is");
      }
      path.addLast(step);
      Optional<Untravelled> found = checkHere(type);
      path.removeLast();
      return found;
    }

    private Optional<Untravelled> checkHere(TypeMirror type) {
      return switch (type.getKind()) {
        // ERROR: javac reports the unknown type itself
        case VOID, BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, ERROR -> Optional.empty();
        case ARRAY -> {
          TypeMirror component = ((ArrayType) type).getComponentType();
          yield check(component, Names.simpleType(component));
        }
        case TYPEVAR -> classVariablesPass && isClassVariable((TypeVariable) type)
            ? Optional.empty()
            : refuse(
            type + " is a type variable, so the receiving side could not know what to build",
            "Declare a concrete type instead, such as String or a record");
        case WILDCARD -> refuse(
            Names.simpleType(type) + " is a wildcard, so the receiving side could not know what to build",
            "Declare the type argument itself, such as List<Integer> for List<? extends Number>");
        case DECLARED -> checkDeclared((DeclaredType) type);
        default -> refuse(
            Names.simpleType(type) + " is not a type a value can have",
            "Declare a concrete type instead, such as String or a record");
      };
    }

    private Optional<Untravelled> checkDeclared(DeclaredType type) {
      TypeElement element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      String simple = Names.simpleType(type);
      if (SCALARS.contains(name) || element.getKind() == ElementKind.ENUM) {
        return Optional.empty();
      }
      if (type.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
        String example = String.join(", ",
            Collections.nCopies(element.getTypeParameters().size(), "String"));
        return refuse(
            simple + " is a raw type, so the type of what it holds is unknown",
            "Give its type arguments, such as " + simple + "<" + example + ">");
      }
      if (ONE_ELEMENT.contains(name)) {
        TypeMirror elementType = type.getTypeArguments().get(0);
        if (name.equals("java.util.Optional") && isOptional(elementType)) {
          return refuse(
              simple + " is an Optional of an Optional, and JSON writes both kinds of empty as"
                  + " null, so Optional.of(Optional.empty()) would arrive as Optional.empty()",
              "Use one Optional, or a record that says which case it is");
        }
        return check(elementType, Names.simpleType(elementType));
      }
      if (name.equals(MAP)) {
        return checkMap(type);
      }
      if (name.equals("java.lang.Object")) {
        return refuse(
            "Object says nothing of what the value is, so it would arrive as whatever JSON reads"
                + " (a map, a list, a string or a number)",
            "Declare the type the value has, such as String, a record or Map<String, String>");
      }
      if (types.isAssignable(types.erasure(type), collection)
          || types.isAssignable(types.erasure(type), map)) {
        return refuse(
            simple + " is a collection class, but only List, Set and Map travel",
            "Declare it as List, Set or Map<String, ...>: it arrives as an ArrayList, a"
                + " HashSet or a LinkedHashMap");
      }
      if (element.getKind() == ElementKind.INTERFACE) {
        return refuse(
            simple + " is an interface, and JSON does not say which class to build",
            "Declare a record or a concrete class instead");
      }
      if (isFromTheJdk(name)) {
        return refuse(
            simple + " is a JDK class that does not travel as JSON",
            "Send the data it holds instead, in a record of travelling types (docs/types.md"
                + " lists them)");
      }
      if (element.getModifiers().contains(Modifier.ABSTRACT)) {
        return refuse(
            simple + " is abstract, and JSON does not say which class to build",
            "Declare a record or a concrete class instead");
      }
      if (!entered.add(type.toString())) {
        return Optional.empty(); // a record that holds itself: checked where it was entered
      }
      return element.getKind() == ElementKind.RECORD ? checkRecord(type, element) : checkBean(type, element);
    }

    private boolean isOptional(TypeMirror type) {
      return type.getKind() == TypeKind.DECLARED
          && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
              .contentEquals("java.util.Optional");
    }

    private Optional<Untravelled> checkMap(DeclaredType type) {
      TypeMirror key = type.getTypeArguments().get(0);
      boolean keyTravels =
          key.getKind() == TypeKind.DECLARED
              && (((TypeElement) ((DeclaredType) key).asElement())
                      .getQualifiedName()
                      .contentEquals("java.lang.String")
                  || ((DeclaredType) key).asElement().getKind() == ElementKind.ENUM);
      if (!keyTravels) {
        return refuse(
            "its key type " + Names.simpleType(key) + " is neither String nor an enum, and the keys of"
                + " a JSON object are text",
            "Use String keys (or an enum's), and convert the key inside the method");
      }
      TypeMirror value = type.getTypeArguments().get(1);
      return check(value, Names.simpleType(value));
    }

    private Optional<Untravelled> checkRecord(DeclaredType type, TypeElement record) {
      String simple = Names.simpleType(type);
      Optional<String> extra = extraGetter(record);
      if (extra.isPresent()) {
        return refuse(
            simple + " has " + extra.get() + "(), a getter that is no component: JSON would carry"
                + " it, and could not build the record back with it",
            "Rename " + extra.get() + "() so that it does not start with get or is, or make it a"
                + " component of " + simple);
      }
      for (RecordComponentElement component :
          ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
        TypeMirror componentType = memberType(type, component.getAccessor());
        Optional<Untravelled> found = check(componentType, step(record, component.getSimpleName(), componentType));
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }

    private Optional<Untravelled> checkBean(DeclaredType type, TypeElement bean) {
      String simple = Names.simpleType(type);
      String fix = String.format(BEAN_FIX_FORMAT, simple);
      if (bean.getNestingKind() == NestingKind.MEMBER && !bean.getModifiers().contains(Modifier.STATIC)) {
        return refuse(simple + " is an inner class, which needs an enclosing instance to be built",
            "Make " + simple + " static, or a record");
      }
      boolean publicNoArgConstructor =
          ElementFilter.constructorsIn(bean.getEnclosedElements()).stream()
              .anyMatch(
                  constructor ->
                      constructor.getParameters().isEmpty()
                          && constructor.getModifiers().contains(Modifier.PUBLIC));
      if (!publicNoArgConstructor) {
        return refuse(
            simple + " is neither a record nor a class with a public no-argument constructor, so"
                + " it could not be built from JSON",
            fix);
      }
      Map<String, TypeMirror> properties = new LinkedHashMap<>();
      List<String> unpaired = new ArrayList<>();
      beanProperties(type, bean, properties, unpaired);
      if (!unpaired.isEmpty()) {
        return refuse(simple + " has " + unpaired.get(0) + ", so the value would not arrive as it"
            + " was sent", fix);
      }
      if (properties.isEmpty()) {
        return refuse(
            simple + " has no properties (public fields, or public getters with setters), so it"
                + " would travel as an empty object",
            fix);
      }
      for (Map.Entry<String, TypeMirror> property : properties.entrySet()) {
        Optional<Untravelled> found =
            check(property.getValue(), step(bean, property.getKey(), property.getValue()));
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }

    private Optional<Untravelled> refuse(String problem, String fix) {
      return Optional.of(new Untravelled(List.copyOf(path), problem, fix));
    }
  }

  private static boolean isClassVariable(TypeVariable variable) {
    return variable.asElement().getEnclosingElement() instanceof TypeElement;
  }

  /** {@code Order.items (List<Item>)}. */
  private static String step(TypeElement owner, CharSequence member, TypeMirror type) {
    return owner.getSimpleName() + "." + member + " (" + Names.simpleType(type) + ")";
  }

  /**
   * The bean's properties by name with their types, from its public fields and its public getters
   * with setters, inherited ones included; a getter without its setter, or a setter without its
   * getter, goes to {@code unpaired} as words for a message.
   */
  private void beanProperties(
      DeclaredType type, TypeElement bean, Map<String, TypeMirror> properties, List<String> unpaired) {
    Map<String, ExecutableElement> getters = new LinkedHashMap<>();
    Map<String, ExecutableElement> setters = new LinkedHashMap<>();
    for (var member : elements.getAllMembers(bean)) {
      if (!member.getModifiers().contains(Modifier.PUBLIC)
          || member.getModifiers().contains(Modifier.STATIC)
          || ((TypeElement) member.getEnclosingElement())
              .getQualifiedName()
              .contentEquals("java.lang.Object")) {
        continue;
      }
      if (member instanceof VariableElement field && member.getKind() == ElementKind.FIELD) {
        if (!field.getModifiers().contains(Modifier.TRANSIENT)) {
          properties.put(field.getSimpleName().toString(), types.asMemberOf(type, field));
        }
      } else if (member instanceof ExecutableElement method && member.getKind() == ElementKind.METHOD) {
        String name = method.getSimpleName().toString();
        int parameters = method.getParameters().size();
        if (parameters == 0 && name.startsWith("get") && name.length() > 3
            && method.getReturnType().getKind() != TypeKind.VOID) {
          getters.putIfAbsent(name.substring(3), method);
        } else if (parameters == 0 && name.startsWith("is") && name.length() > 2
            && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
          getters.putIfAbsent(name.substring(2), method);
        } else if (parameters == 1 && name.startsWith("set") && name.length() > 3) {
          setters.putIfAbsent(name.substring(3), method);
        }
      }
    }
    for (Map.Entry<String, ExecutableElement> getter : getters.entrySet()) {
      String property = decapitalized(getter.getKey());
      if (!setters.containsKey(getter.getKey())) {
        if (!properties.containsKey(property)) {
          unpaired.add("getter " + getter.getValue().getSimpleName() + "() without a public setter set"
              + getter.getKey() + "(...)");
        }
        continue;
      }
      TypeMirror gets = memberType(type, getter.getValue());
      TypeMirror sets = ((ExecutableType) types.asMemberOf(type, setters.get(getter.getKey())))
          .getParameterTypes().get(0);
      if (!types.isSameType(gets, sets)) {
        unpaired.add("getter " + getter.getValue().getSimpleName() + "() of " + Names.simpleType(gets)
            + " but setter set" + getter.getKey() + "(" + Names.simpleType(sets) + ")");
        continue;
      }
      properties.putIfAbsent(property, gets);
    }
    for (Map.Entry<String, ExecutableElement> setter : setters.entrySet()) {
      String property = decapitalized(setter.getKey());
      if (!getters.containsKey(setter.getKey()) && !properties.containsKey(property)) {
        unpaired.add("setter " + setter.getValue().getSimpleName() + "(...) without a public getter get"
            + setter.getKey() + "()");
      }
    }
  }

  /** The first public getter of {@code record} ({@code getX()}, {@code isX()}) that no component is. */
  private static Optional<String> extraGetter(TypeElement record) {
    Set<String> components = new HashSet<>();
    ElementFilter.recordComponentsIn(record.getEnclosedElements())
        .forEach(component -> components.add(component.getSimpleName().toString()));
    return ElementFilter.methodsIn(record.getEnclosedElements()).stream()
        .filter(method -> method.getModifiers().contains(Modifier.PUBLIC)
            && !method.getModifiers().contains(Modifier.STATIC)
            && method.getParameters().isEmpty()
            && !components.contains(method.getSimpleName().toString()))
        .filter(method -> {
          String name = method.getSimpleName().toString();
          TypeKind returns = method.getReturnType().getKind();
          return (name.startsWith("get") && name.length() > 3 && returns != TypeKind.VOID)
              || (name.startsWith("is") && name.length() > 2 && returns == TypeKind.BOOLEAN);
        })
        .map(method -> method.getSimpleName().toString())
        .findFirst();
  }

  /** A method's return type as seen from {@code type}, type arguments filled in. */
  private TypeMirror memberType(DeclaredType type, ExecutableElement method) {
    return ((ExecutableType) types.asMemberOf(type, method)).getReturnType();
  }

  private static boolean isFromTheJdk(String qualifiedName) {
    return JDK_PACKAGES.stream().anyMatch(qualifiedName::startsWith);
  }

  /** {@code Price} to {@code price}, {@code URL} to {@code url}: as the pool's JSON names it. */
  private static String decapitalized(String suffix) {
    int upper = 0;
    while (upper < suffix.length() && Character.isUpperCase(suffix.charAt(upper))) {
      upper++;
    }
    return suffix.substring(0, upper).toLowerCase(Locale.ROOT) + suffix.substring(upper);
  }
}
