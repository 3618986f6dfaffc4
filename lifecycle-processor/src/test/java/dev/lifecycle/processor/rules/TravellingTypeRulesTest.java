package dev.lifecycle.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The parameters and results of {@code @Method}s, {@code @WebEndpoint}s and a function's {@code
 * apply} travel as JSON, so their types are checked where they are written: a parameter that
 * cannot travel is LC170 on the parameter, a result LC171 on the return type, each naming the path
 * from the declared type down to the type at fault and a fix.
 */
class TravellingTypeRulesTest {

  private static final String PARAMETER = " cannot travel between a caller and a container as JSON: ";
  private static final String RESULT = ", which cannot travel between a container and its caller as JSON: ";
  private static final String BEAN_FIX =
      " a record, or give it a public no-argument constructor and a public getter and setter for"
          + " each property (docs/types.md).";

  @Test
  void everyTravellingTypeCompilesWithoutAWord() {
    JavaFileObject service =
        source(
            "com.example.Catalog",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.math.BigDecimal;
            import java.math.BigInteger;
            import java.time.*;
            import java.util.*;

            @Service
            public class Catalog {
              public enum Color { RED, GREEN }
              public record Node(String name, List<Node> children) {}
              public record Pair<A, B>(A first, B second) {}
              public record Offer(UUID id, BigDecimal price, BigInteger stock, byte[] image,
                  Optional<Instant> until, Map<String, List<LocalDate>> days, Set<Color> colors,
                  Map<Color, Duration> times, OptionalInt rank, char grade, Character mark) {}
              public static class Bean {
                private String label;
                private boolean active;
                public int count;
                public Bean() {}
                public String getLabel() { return label; }
                public void setLabel(String label) { this.label = label; }
                public boolean isActive() { return active; }
                public void setActive(boolean active) { this.active = active; }
              }

              @Method public void nothing() {}
              @Method public int primitives(byte b, short s, int i, long l, float f, double d,
                  boolean z, char c) { return 0; }
              @Method public Long boxes(Byte b, Short s, Integer i, Long l, Float f, Double d,
                  Boolean z) { return l; }
              @Method public Offer offer(Offer offer) { return offer; }
              @Method public Node tree(Node root) { return root; }
              @Method public Pair<String, List<Integer>> pair(Pair<Color, Bean> in) { return null; }
              @Method public Bean[] beans(List<Bean> beans, int[] numbers, String... names) {
                return null;
              }
              @Method public ZonedDateTime when(OffsetDateTime a, LocalDateTime b, LocalTime c,
                  Period d, Year e, YearMonth f, MonthDay g, ZoneId h, ZoneOffset i,
                  OffsetTime j, DayOfWeek k) { return null; }
              @Method public Optional<Map<String, Set<UUID>>> nested() { return Optional.empty(); }
              @Method public java.util.stream.Stream<Offer> offers() { return null; }
              @WebEndpoint(path = "/offer")
              public Offer post(Offer offer, Color color) { return offer; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void anInputStreamParameterIsAnErrorOnTheParameter() {
    JavaFileObject service =
        source(
            "com.example.Upload",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.io.InputStream;

            @Service
            public class Upload {
              @Method
              public int store(String name,
                  InputStream content) {
                return 0;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC170] Parameter content of @Method method Upload.store(String, InputStream)"
                + PARAMETER
                + "InputStream is a JDK class that does not travel as JSON. Send the data it holds"
                + " instead, in a record of travelling types (docs/types.md lists them).")
        .inFile(service)
        .onLineContaining("InputStream content");
  }

  @Test
  void aThreadResultIsAnErrorOnTheReturnType() {
    JavaFileObject service =
        source(
            "com.example.Workers",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Workers {
              @Method
              public
              Thread current() {
                return Thread.currentThread();
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC171] @Method method Workers.current() returns Thread"
                + RESULT
                + "Thread is a JDK class that does not travel as JSON.")
        .inFile(service)
        .onLine(9);
  }

  @Test
  void aClassWithGettersButNoUsableConstructorIsNamedAtTheEndOfItsPath() {
    JavaFileObject service =
        source(
            "com.example.Pairs",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Pairs {
              public static class Pair {
                private final int left;
                public Pair(int left) { this.left = left; }
                public int getLeft() { return left; }
              }

              @Method
              public int sum(List<Pair> pairs) {
                return 0;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC170] Parameter pairs of @Method method Pairs.sum(List<Pairs.Pair>)"
                + PARAMETER
                + "List<Pairs.Pair> > Pairs.Pair: Pairs.Pair is neither a record nor a class with a"
                + " public no-argument constructor, so it could not be built from JSON. Make"
                + " Pairs.Pair"
                + BEAN_FIX)
        .inFile(service)
        .onLine(15);
  }

  @Test
  void thePathGoesThroughRecordComponentsAndCollections() {
    JavaFileObject service =
        source(
            "com.example.Shop",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Shop {
              public record Item(String name, Object price) {}
              public record Order(List<Item> items) {}

              @Method
              public Order last() {
                return null;
              }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC171] @Method method Shop.last() returns Shop.Order"
                + RESULT
                + "Shop.Order > Order.items (List<Shop.Item>) > Shop.Item > Item.price (Object):"
                + " Object says nothing of what the value is, so it would arrive as whatever JSON"
                + " reads (a map, a list, a string or a number). Declare the type the value has,"
                + " such as String, a record or Map<String, String>.")
        .inFile(service)
        .onLine(12);
  }

  @Test
  void wildcardsTypeVariablesRawTypesAndCollectionClassesEachGetTheirReason() {
    JavaFileObject service =
        source(
            "com.example.Loose",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;

            @Service
            public class Loose {
              public record Box<T>(T content) {}

              @Method
              public int wildcard(List<? extends Number> numbers) { return 0; }
              @Method
              @SuppressWarnings("rawtypes")
              public int raw(List names) { return 0; }
              @Method
              public int concrete(ArrayList<String> names) { return 0; }
              @Method
              public int keyed(Map<Integer, String> byId) { return 0; }
              @Method
              @SuppressWarnings("rawtypes")
              public int rawBox(Box box) { return 0; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation)
        .hadErrorContaining(
            "List<? extends Number> > ? extends Number: ? extends Number is a wildcard, so the"
                + " receiving side could not know what to build. Declare the type argument itself,"
                + " such as List<Integer> for List<? extends Number>.")
        .inFile(service)
        .onLine(13);
    assertThat(compilation)
        .hadErrorContaining(
            "List is a raw type, so the type of what it holds is unknown. Give its type arguments,"
                + " such as List<String>.")
        .inFile(service)
        .onLine(16);
    assertThat(compilation)
        .hadErrorContaining(
            "ArrayList<String> is a collection class, but only List, Set and Map travel. Declare it"
                + " as List, Set or Map<String, ...>: it arrives as an ArrayList, a HashSet or a"
                + " LinkedHashMap.")
        .inFile(service)
        .onLine(18);
    assertThat(compilation)
        .hadErrorContaining(
            "its key type Integer is neither String nor an enum, and the keys of a JSON object are"
                + " text. Use String keys (or an enum's), and convert the key inside the method.")
        .inFile(service)
        .onLine(20);
    assertThat(compilation)
        .hadErrorContaining("Loose.Box is a raw type")
        .inFile(service)
        .onLine(23);
  }

  @Test
  void interfacesAndBeansWithHalfAPropertyAreRefused() {
    JavaFileObject service =
        source(
            "com.example.Shapes",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Shapes {
              public interface Shape { double area(); }
              public static class Circle {
                private double radius;
                public double getRadius() { return radius; }
              }
              public static class Empty {}

              @Method
              public double area(Shape shape) { return 0; }
              @Method
              public Circle circle() { return null; }
              @Method
              public void take(Empty empty) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "Shapes.Shape is an interface, and JSON does not say which class to build. Declare a"
                + " record or a concrete class instead.")
        .inFile(service)
        .onLine(15);
    assertThat(compilation)
        .hadErrorContaining(
            "Shapes.Circle has getter getRadius() without a public setter setRadius(...), so the"
                + " value would not arrive as it was sent. Make Shapes.Circle"
                + BEAN_FIX)
        .inFile(service)
        .onLine(17);
    assertThat(compilation)
        .hadErrorContaining(
            "Shapes.Empty has no properties (public fields, or public getters with setters), so it"
                + " would travel as an empty object.")
        .inFile(service)
        .onLine(19);
  }

  @Test
  void anInheritedMethodIsCheckedWithTheTypesItsServiceGivesIt() {
    JavaFileObject base =
        source(
            "com.example.Holder",
            """
            package com.example;

            import dev.lifecycle.*;

            public abstract class Holder<T> {
              @Method
              public T current() {
                return null;
              }
            }
            """);
    JavaFileObject good =
        source(
            "com.example.Names",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Names extends Holder<String> {}
            """);
    JavaFileObject bad =
        source(
            "com.example.Threads",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Threads extends Holder<Thread> {}
            """);

    Compilation compilation = compile(base, good, bad);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC171] @Method method Holder.current() as Threads sees it returns Thread" + RESULT)
        .inFile(base)
        .onLine(7);
  }

  @Test
  void webEndpointsAndFunctionsAreCheckedToo() {
    JavaFileObject api =
        source(
            "com.example.Api",
            """
            package com.example;

            import dev.lifecycle.*;

            @Service
            public class Api {
              @WebEndpoint(path = "/echo")
              public String echo(Object body) { return ""; }
            }
            """);
    JavaFileObject function =
        source(
            "com.example.Lines",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.io.Reader;
            import java.util.function.Function;

            @FunctionService
            public class Lines implements Function<Reader, Integer> {
              @Override
              public Integer apply(Reader text) {
                return 0;
              }
            }
            """);

    Compilation compilation = compile(api, function);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[LC170] Parameter body of @WebEndpoint method Api.echo(Object)")
        .inFile(api)
        .onLine(8);
    assertThat(compilation)
        .hadErrorContaining(
            "[LC170] Parameter text of @FunctionService method Lines.apply(Reader)"
                + PARAMETER
                + "Reader is a JDK class that does not travel as JSON.")
        .inFile(function)
        .onLine(10);
  }

  @Test
  void recordsWithExtraGettersBeansWithMismatchedSettersAndNestedOptionalsAreRefused() {
    JavaFileObject service =
        source(
            "com.example.Odd",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.io.Serializable;
            import java.util.ArrayList;
            import java.util.Map;
            import java.util.Optional;

            @Service
            public class Odd {
              public record Size(int width) { public boolean isWide() { return width > 10; } }
              public static class Count {
                private int n;
                public int getN() { return n; }
                public void setN(String text) { n = text.length(); }
              }
              public static class Names extends ArrayList<String> {}

              @Method
              public Size size() { return null; }
              @Method
              public void count(Count count) {}
              @Method
              public void maybe(Optional<Optional<String>> value) {}
              @Method
              public void names(Names names) {}
              @Method
              public void any(Serializable value) {}
              @Method
              @SuppressWarnings("rawtypes")
              public void raw(Map values) {}
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(6);
    assertThat(compilation)
        .hadErrorContaining(
            "Odd.Size has isWide(), a getter that is no component: JSON would carry it, and could"
                + " not build the record back with it. Rename isWide() so that it does not start"
                + " with get or is, or make it a component of Odd.Size.")
        .inFile(service)
        .onLine(20);
    assertThat(compilation)
        .hadErrorContaining(
            "Odd.Count has getter getN() of int but setter setN(String), so the value would not"
                + " arrive as it was sent.")
        .inFile(service)
        .onLine(22);
    assertThat(compilation)
        .hadErrorContaining(
            "Optional<Optional<String>> is an Optional of an Optional, and JSON writes both kinds of"
                + " empty as null")
        .inFile(service)
        .onLine(24);
    assertThat(compilation)
        .hadErrorContaining("Odd.Names is a collection class, but only List, Set and Map travel.")
        .inFile(service)
        .onLine(26);
    assertThat(compilation)
        .hadErrorContaining(
            "Serializable is an interface, and JSON does not say which class to build.")
        .inFile(service)
        .onLine(28);
    assertThat(compilation)
        .hadErrorContaining("Give its type arguments, such as Map<String, String>.")
        .inFile(service)
        .onLine(31);
  }

  @Test
  void aTypeWhoseArgumentsGrowWithoutEndIsAnErrorNotACrash() {
    JavaFileObject service =
        source(
            "com.example.Grow",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.List;

            @Service
            public class Grow {
              public record R<T>(T value, List<R<List<T>>> next) {}

              @Method
              public int grow(R<String> root) { return 0; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[LC170] Parameter root of @Method method Grow.grow(Grow.R<String>)")
        .inFile(service)
        .onLine(11);
    assertThat(compilation).hadErrorContaining("levels deep");
  }

  @Test
  void aStreamTravelsAsAMethodsResultItemByItemAndNowhereElse() {
    JavaFileObject service =
        source(
            "com.example.Feeds",
            """
            package com.example;

            import dev.lifecycle.*;
            import java.util.stream.Stream;

            @Service
            public class Feeds {
              @Method
              public Stream<Thread> threads() { return null; }

              @Method
              public int count(Stream<String> lines) { return 0; }

              @WebEndpoint(path = "/lines")
              public Stream<String> lines() { return null; }
            }
            """);

    Compilation compilation = compile(service);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[LC171] @Method method Feeds.threads() returns Stream<Thread>" + RESULT
            + "Stream<Thread> > Thread: Thread is a JDK class that does not travel as JSON.")
        .inFile(service)
        .onLine(9);
    assertThat(compilation)
        .hadErrorContaining("[LC170] Parameter lines of @Method method Feeds.count(Stream<String>)"
            + PARAMETER + "Stream<String> is an interface")
        .inFile(service)
        .onLine(12);
    assertThat(compilation)
        .hadErrorContaining("[LC171] @WebEndpoint method Feeds.lines() returns Stream<String>")
        .inFile(service)
        .onLine(15);
  }
}
