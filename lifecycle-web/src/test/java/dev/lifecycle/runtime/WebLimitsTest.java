package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static dev.lifecycle.runtime.HandDispatcher.param;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The documented body limit (64 MiB) is the real one, also for a single JSON string. */
class WebLimitsTest {

  @Test
  void aStringLongerThanJacksonsDefaultLimitButWithinTheBodyLimitIsAccepted() {
    try (Container<Object> container = HandDispatcher.of(Object.class, Object::new)
        .endpoint("POST", "/length", method("length", int.class, param("text", String.class)),
            (service, args) -> ((String) args[0]).length())
        .start()) {
      URI web = container.webAddress().orElseThrow();
      String text = "x".repeat(25_000_000); // Jackson refuses strings over 20 million by default

      HttpResponse<String> response = Http.post(web, "/length", "{\"text\": \"" + text + "\"}");

      assertThat(response.statusCode()).as(response.body().substring(0,
          Math.min(300, response.body().length()))).isEqualTo(200);
      assertThat(response.body()).isEqualTo("25000000");
    }
  }
}
