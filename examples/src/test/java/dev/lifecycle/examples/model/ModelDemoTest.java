package dev.lifecycle.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.Timeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo goes through every phase and prints calls and timeline. */
class ModelDemoTest {

  @Test
  void printsTheCallsAndTheWholeTimeline() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Timeline timeline = ModelDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(timeline.phases()).containsExactly(
        Phase.CREATED, Phase.ENTERING_BEFORE_SNAPSHOT, Phase.SNAPSHOT,
        Phase.ENTERING_AFTER_SNAPSHOT, Phase.RUNNING, Phase.STOPPING, Phase.EXITING, Phase.STOPPED);
    assertThat(output)
        .contains("predict(\"a wonderful, moving film\")")
        .contains("-> positive (")
        .contains("-> negative (")
        .contains("@Enter(snap = true) SentimentService.loadModel()")
        .contains("@Enter SentimentService.assignContainerId()")
        .contains("@Exit SentimentService.reportUsage()")
        .contains("STOPPED")
        .containsPattern("took \\d+ ms of the \\d+ ms start");
  }
}
