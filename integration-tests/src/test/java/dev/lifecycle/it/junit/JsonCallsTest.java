package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.services.BoundaryService;
import dev.lifecycle.it.services.BoundaryService.Label;
import dev.lifecycle.junit.JsonCalls;
import dev.lifecycle.junit.LifecycleExtension;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.Container;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Tests see the boundary a pool puts between caller and container: with a simulated snapshot (by
 * default) or when asked, calls through the {@link Container} cross the pool's JSON encoding, so
 * that what a pool would change or refuse is changed or refused in the test. Each fixture below
 * runs in a launcher of its own and asserts what arrived; this class checks that all of it held.
 */
class JsonCallsTest {

  @Test
  void aSimulatedSnapshotSendsCallsThroughThePoolsJsonByDefault() {
    assertAllPassed(Fixtures.run(ThroughJsonByDefault.class), 5);
  }

  @Test
  void jsonCallsNeverKeepsArgumentsAndResultsAsTheyAre() {
    assertAllPassed(Fixtures.run(NeverThroughJson.class), 1);
  }

  @Test
  void jsonCallsAlwaysSendsCallsThroughJsonWithoutASnapshotToo() {
    assertAllPassed(Fixtures.run(AlwaysThroughJson.class), 1);
  }

  private static void assertAllPassed(TestExecutionSummary summary, int tests) {
    assertThat(summary.getFailures())
        .as("failures")
        .allSatisfy(failure -> assertThat(failure.getException()).as(failure.getTestIdentifier().getDisplayName()).isNull());
    assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
  }


  /** A label a {@code Label} parameter takes, with a property the declared class does not have. */
  public static final class LoudLabel extends Label {
    public int getVolume() {
      return 11;
    }
  }

  /** A label JSON cannot write: it holds itself. */
  public static final class SelfReferencingLabel extends Label {
    public SelfReferencingLabel getSelf() {
      return this;
    }
  }

  @OnlyInLauncher
  @LifecycleTest(value = BoundaryService.class, simulateSnapshot = true)
  static class ThroughJsonByDefault {
    @Test
    void aListArrivesAsTheWorkerBuildsIt(Container<BoundaryService> container) {
      assertThat(container.call("listClass", new LinkedList<>(List.of(1, 2)))).isEqualTo("ArrayList");
    }

    @Test
    void aResultArrivesAsACopy(Container<BoundaryService> container, BoundaryService service) {
      assertThat(container.call("kept"))
          .isEqualTo(service.keptHere())
          .isNotSameAs(service.keptHere());
    }

    @Test
    @SuppressWarnings("unchecked") // shelves() streams Shelf items
    void aStreamsItemsArriveAsCopies(Container<BoundaryService> container, BoundaryService service) {
      try (Stream<Object> shelves = (Stream<Object>) container.call("shelves", 2)) {
        assertThat(shelves.toList()).hasSize(2).allSatisfy(shelf -> assertThat(shelf)
            .isEqualTo(service.keptHere())
            .isNotSameAs(service.keptHere()));
      }
    }

    @Test
    void aSubclassWithMorePropertiesIsRefusedAsAWorkerRefusesIt(Container<BoundaryService> container) {
      assertThatThrownBy(() -> container.call("labelClass", new LoudLabel()))
          .isInstanceOf(ArgumentMismatchException.class)
          .hasMessageContaining("Argument 1 (label) of method labelClass")
          .hasMessageContaining("cannot be read as " + Label.class.getCanonicalName());
    }

    @Test
    void anArgumentJsonCannotWriteIsRefusedAsThePoolRefusesIt(Container<BoundaryService> container) {
      assertThatThrownBy(() -> container.call("labelClass", new SelfReferencingLabel()))
          .isInstanceOf(ArgumentMismatchException.class)
          .hasMessageContaining(SelfReferencingLabel.class.getName())
          .hasMessageContaining("cannot be sent to a worker JVM as JSON");
    }
  }

  @OnlyInLauncher
  static class NeverThroughJson {
    @RegisterExtension
    static final LifecycleExtension SERVICE =
        LifecycleExtension.forService(BoundaryService.class)
            .simulateSnapshot()
            .jsonCalls(JsonCalls.NEVER)
            .build();

    @Test
    void argumentsAndResultsPassAsTheyAre(Container<BoundaryService> container, BoundaryService service) {
      assertThat(container.call("listClass", new LinkedList<>(List.of(1, 2)))).isEqualTo("LinkedList");
      assertThat(container.call("labelClass", new LoudLabel())).isEqualTo("LoudLabel");
      assertThat(container.call("kept")).isSameAs(service.keptHere());
    }
  }

  @OnlyInLauncher
  @LifecycleTest(value = BoundaryService.class, jsonCalls = JsonCalls.ALWAYS)
  static class AlwaysThroughJson {
    @Test
    void aListArrivesAsTheWorkerBuildsIt(Container<BoundaryService> container) {
      assertThat(container.call("listClass", new LinkedList<>(List.of(1, 2)))).isEqualTo("ArrayList");
    }
  }
}
