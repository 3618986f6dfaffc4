package dev.lifecycle.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.junit.LifecycleExtension;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.Timeline;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pre/post-snapshot pattern: the model is built before the snapshot point, the container id
 * after it; containers share the model and differ in their id.
 */
class SentimentServiceTest {

  /** What the simulated snapshot saw: the instance as a snapshot would capture it. */
  private static final AtomicReference<String> AT_SNAPSHOT = new AtomicReference<>();

  @RegisterExtension
  static final LifecycleExtension CONTAINER =
      LifecycleExtension.forService(SentimentService.class)
          .simulateSnapshot((SentimentService service) -> AT_SNAPSHOT.set(
              "model " + (service.model() != null ? "loaded" : "missing")
                  + ", id " + (service.containerId() != null ? "assigned" : "missing")))
          .build();

  @Test
  void theModelIsBuiltBeforeTheSnapshotAndTheIdAfterIt(Container<SentimentService> container) {
    assertThat(AT_SNAPSHOT.get()).isEqualTo("model loaded, id missing");
    assertThat(container.snapshotOutcome()).map(SnapshotOutcome::kind).hasValue(SnapshotOutcome.Kind.RESTORED);
    assertThat(container.instance().containerId()).isNotBlank();
  }

  @Test
  void theSnapHookRunsFirstThenTheSnapshotThenThePostSnapshotHook(Timeline timeline) {
    assertThat(timeline.phases()).startsWith(
        Phase.CREATED, Phase.ENTERING_BEFORE_SNAPSHOT, Phase.SNAPSHOT, Phase.ENTERING_AFTER_SNAPSHOT,
        Phase.RUNNING);
    assertThat(timeline.hooks())
        .extracting(run -> run.hook().methodName())
        .startsWith("loadModel", "assignContainerId");
  }

  @Test
  void predictsPlainReviewsSensibly(Container<SentimentService> container) {
    assertThat(container.call("predict", "a wonderful, moving film")).asString().startsWith("positive (");
    assertThat(container.call("predict", "boring and far too long")).asString().startsWith("negative (");
    assertThat(container.call("predict", "I loved the acting")).asString().startsWith("positive (");
    assertThat(container.call("predict", "terrible, a waste of time")).asString().startsWith("negative (");
    // Negation and contrast, which the features model explicitly.
    assertThat(container.call("predict", "the plot was not bad")).asString().startsWith("positive (");
    assertThat(container.call("predict", "not good at all")).asString().startsWith("negative (");
    assertThat(container.call("predict", "the cast was great but the script was awful"))
        .asString().startsWith("negative (");
  }

  @Test
  void answersWithALabelAndItsProbability(Container<SentimentService> container) {
    assertThat(container.call("predict", "a wonderful, moving film"))
        .asString()
        .matches("positive \\((0\\.[5-9]\\d|1\\.00)\\)");
  }

  @Test
  void theModelGeneralisesToReviewsItDidNotSee(SentimentService service) {
    // The corpus flips 2% of the labels, so 0.98 is about the best possible.
    assertThat(service.model().stats().heldOutAccuracy()).isGreaterThan(0.95);
    int documents = TrainingConfig.DEFAULT.documents();
    assertThat(service.model().stats().trainingDocuments()).isEqualTo(documents - documents / 10);
  }

  @Test
  void twoContainersShareTheModelButNotTheId(Container<SentimentService> first) {
    try (Container<SentimentService> second = Container.start(SentimentService.class)) {
      SentimentService.Info one = info(first);
      SentimentService.Info two = info(second);

      assertThat(one.containerId()).isNotEqualTo(two.containerId());
      assertThat(one.model().checksum()).isEqualTo(two.model().checksum());
      assertThat(one.model())
          .usingRecursiveComparison()
          .ignoringFields("trainingTime")
          .isEqualTo(two.model());
    }
  }

  @Test
  void concurrentPredictionsAllSucceed(Container<SentimentService> container) throws Exception {
    Queue<Object> results = new ConcurrentLinkedQueue<>();
    Thread[] callers = new Thread[8];
    for (int i = 0; i < callers.length; i++) {
      String text = i % 2 == 0 ? "a wonderful, moving film" : "boring and far too long";
      callers[i] = new Thread(() -> results.add(container.call("predict", text)));
      callers[i].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    assertThat(results).hasSize(8).allSatisfy(result ->
        assertThat(result).asString().matches("(positive|negative) \\(\\d\\.\\d\\d\\)"));
  }

  private static SentimentService.Info info(Container<SentimentService> container) {
    return (SentimentService.Info) container.call("info");
  }
}
