package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static dev.lifecycle.runtime.HandDispatcher.param;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests on one kept-alive connection are answered without Nagle's delay. With it, the body of
 * every response waited for the client's delayed ACK of its headers, some 40 ms each time; the
 * bound here is half that, several times what a request takes without the delay, so a busy
 * machine does not make it fail. (How fast requests are is a benchmark's business.)
 */
class WebRoundTripTest {

  @Test
  void sequentialRequestsOnOneConnectionWaitForNoDelayedAck() {
    try (Container<Object> container = HandDispatcher.of(Object.class, Object::new)
        .endpoint("POST", "/echo", method("echo", String.class, param("text", String.class)),
            (service, args) -> args[0])
        .start()) {
      URI web = container.webAddress().orElseThrow();
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response = Http.post(web, "/echo", "{\"text\": \"hello " + i + "\"}");
        micros.add((System.nanoTime() - start) / 1_000);
        assertThat(response.statusCode()).isEqualTo(200);
      }
      List<Long> warm = new ArrayList<>(micros.subList(1, micros.size()));
      Collections.sort(warm);

      assertThat(warm.get(warm.size() / 2))
          .as("median round trip in microseconds, of %s", micros)
          .isLessThan(20_000);
    }
  }
}
