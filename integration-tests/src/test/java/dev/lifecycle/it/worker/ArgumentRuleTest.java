package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.worker.ArgsService.Color;
import dev.lifecycle.it.worker.ArgsService.Rect;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.Container;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one argument rule: each call gives the same result, or the same exception with the same
 * message, in one JVM and through a pool of real worker JVMs; what Java converts without a cast
 * is accepted, nothing lossy or foreign is, and the elements of collections (and the value of an
 * {@code Optional}) are checked; {@code Optional} and {@code java.time} values travel.
 */
class ArgumentRuleTest {

  @TempDir static Path dir;
  private static ContainerPool pool;
  private static Container<ArgsService> inJvm;

  @BeforeAll
  static void start() throws Exception {
    pool = Workers.pool(ArgsService.class, dir).minContainers(1).maxContainers(1).build();
    inJvm = Container.start(ArgsService.class);
  }

  @AfterAll
  static void stop() {
    try {
      if (inJvm != null) {
        inJvm.close();
      }
      if (pool != null) {
        pool.close();
      }
      Workers.assertNoStrayWorkers();
    } finally {
      Workers.killStrayWorkers();
    }
  }

  /** A call's outcome: a value, or an exception's type and message. */
  record Outcome(Object value, Class<?> failure, String message) {
    static Outcome of(Supplier<Object> call) {
      try {
        return new Outcome(call.get(), null, null);
      } catch (RuntimeException e) {
        return new Outcome(null, e.getClass(), e.getMessage());
      }
    }

    boolean failed() {
      return failure != null;
    }

    boolean sameAs(Outcome other) {
      return Objects.deepEquals(value, other.value) && Objects.equals(failure, other.failure)
          && Objects.equals(message, other.message);
    }
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        call("an int", true, "divide", 6, 2),
        call("a decimal for an int", false, "divide", 6.5, 2),
        call("null for an int", false, "divide", null, 2),
        call("strings for ints", false, "divide", "6", "2"),
        call("a long beyond an int", false, "divide", 3_000_000_000L, 1),
        call("a short and a byte widened to ints", true, "divide", (short) 6, (byte) 2),
        call("a char widened to an int", true, "divide", 'a', 1),
        call("too few arguments", false, "divide", 6),
        call("too many arguments", false, "divide", 6, 2, 1),
        call("an Integer for a long", true, "twice", 21),
        call("a long", true, "twice", 21L),
        call("a decimal for a long", false, "twice", 2.5),
        call("an int for a double", true, "half", 3),
        call("a float for a double", true, "half", 3.0f),
        call("a string for a double", false, "half", "3"),
        call("a byte for a short", true, "shorty", (byte) 3),
        call("an int for a short", false, "shorty", 3),
        call("a char", true, "next", 'a'),
        call("a boolean", true, "not", true),
        call("a string for a boolean", false, "not", "true"),
        call("a string", true, "echo", "x"),
        call("null for a string", true, "echo", (Object) null),
        call("a number for a string", false, "echo", 5),
        call("an Integer for an Integer", true, "boxed", 5),
        call("a Long for an Integer", false, "boxed", 5L),
        call("a list of Integers", true, "sum", List.of(1, 2, 3)),
        call("a list with a string in it", false, "sum", List.of(1, "two")),
        call("a list of Longs for a list of Integers", false, "sum", List.of(1L)),
        call("a map of lists", true, "sizes", Map.of("a", List.of(1, 2))),
        call("a map of lists of strings", false, "sizes", Map.of("a", List.of("x"))),
        call("nested lists of Longs", true, "nested", List.of(List.of(1L, 2L))),
        call("nested lists of Integers for Longs", false, "nested", List.of(List.of(1))),
        call("an enum", true, "shade", Color.RED),
        call("a string for an enum", false, "shade", "RED"),
        call("a record", true, "area", new Rect(2, 3)),
        call("a map for a record", false, "area", Map.of("width", 2, "height", 3)),
        call("a byte array", true, "bytes", (Object) new byte[] {1, 2}),
        call("a list for a byte array", false, "bytes", List.of(1, 2)),
        call("a string array", true, "words", (Object) new String[] {"a", "b"}),
        call("a set", true, "count", Set.of("a", "b")),
        call("a list for a set", false, "count", List.of("a")),
        call("an Optional of a string", true, "maybe", Optional.of("x")),
        call("an empty Optional", true, "maybe", Optional.empty()),
        call("an Optional of a number for an Optional of a string", false, "maybe", Optional.of(5)),
        call("a string for an Optional", false, "maybe", "x"),
        call("a LocalDate", true, "nextDay", LocalDate.of(2026, 12, 31)),
        call("a string for a LocalDate", false, "nextDay", "2026-12-31"),
        call("a Duration", true, "doubled", Duration.ofMillis(1500)),
        call("a UUID", true, "same", UUID.fromString("4b1f7a52-3c1e-4d55-9a0b-6f1f2e3d4c5b")),
        call("a string for a UUID", false, "same", "4b1f7a52-3c1e-4d55-9a0b-6f1f2e3d4c5b"),
        call("a BigDecimal, every digit and the scale", true, "precise",
            new BigDecimal("12345678901234567890.1234567890123456789000")),
        call("a double for a BigDecimal", false, "precise", 1.5),
        call("a BigInteger beyond a long", true, "successor",
            new BigInteger("123456789012345678901234567890")),
        call("an Instant", true, "later", Instant.parse("2026-12-01T18:00:00.123456789Z")),
        call("a bean", true, "text", label("hello")),
        call("a list of nested records", true, "areas", List.of(new Rect(2, 3), new Rect(1, 1))),
        call("a list of maps for a list of records", false, "areas", List.of(Map.of("width", 2))),
        call("a map of nested records", true, "named", Map.of("a", new Rect(2, 3))),
        call("an Optional of a nested record", true, "maybeRect", Optional.of(new Rect(2, 3))),
        call("null for an Optional", false, "maybe", (Object) null),
        call("a ZonedDateTime keeps its zone", true, "zoned",
            ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneId.of("Europe/Paris"))),
        call("an OffsetDateTime keeps its offset", true, "offset",
            OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.ofHours(2))),
        call("a record for a bean", false, "text", new Rect(1, 1)));
  }

  private static ArgsService.Label label(String text) {
    ArgsService.Label label = new ArgsService.Label();
    label.setText(text);
    return label;
  }

  private static Arguments call(String what, boolean accepted, String method, Object... args) {
    return Arguments.of(what, accepted, method, args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theSameCallMeansTheSameInOneJvmAndThroughAPool(String what, boolean accepted, String method,
      Object[] args) {
    Outcome local = Outcome.of(() -> inJvm.call(method, args));
    Outcome remote = Outcome.of(() -> pool.call(method, args));

    assertThat(local.failed()).as("refused in one JVM: %s", local).isEqualTo(!accepted);
    if (!accepted) {
      assertThat(local.failure()).isEqualTo(ArgumentMismatchException.class);
      assertThat(local.message()).doesNotContain("jackson", "Jackson", "[Source");
    }
    assertThat(remote.sameAs(local))
        .as("through the pool: %s; in one JVM: %s (args %s)", remote, local, Arrays.deepToString(args))
        .isTrue();
  }

  @org.junit.jupiter.api.Test
  void anArgumentJsonCannotCarryIsRefusedInOurWordsNamingItsClass() {
    Object opaque = new SelfReferencingLabel();

    Outcome remote = Outcome.of(() -> pool.call("kind", opaque));

    assertThat(remote.failure()).isEqualTo(ArgumentMismatchException.class);
    assertThat(remote.message()).contains("Argument 1 of 'kind'", SelfReferencingLabel.class.getName(),
        "cannot be sent to a worker JVM as JSON").doesNotContain("FAIL_ON_EMPTY_BEANS", "Jackson");
  }

  /** A label the parameter type accepts, with a property JSON cannot write: itself. */
  public static final class SelfReferencingLabel extends ArgsService.Label {
    public SelfReferencingLabel getSelf() {
      return this;
    }
  }
}
