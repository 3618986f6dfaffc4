package dev.lifecycle.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web demo serves the model from a worker JVM, answering good and bad requests. */
class WebDemoTest {

  @Test
  void answersGoodRequestsAndRejectsBadOnesWithoutHarm() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Integer> statuses = WebDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(statuses).containsExactly(200, 200, 200, 400, 400, 405, 404, 200);
    assertThat(output)
        .contains("SentimentApi serves at http://127.0.0.1:")
        .contains("\"positive\":true")
        .contains("\"error\"");
  }
}
