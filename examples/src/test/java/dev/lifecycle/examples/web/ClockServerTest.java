package dev.lifecycle.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.Container;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The own-server form: ready once its port answers, closed by the exit hook. */
class ClockServerTest {

  @Test
  void theOwnServerAnswersOnItsPortOnceReadyAndStopsWithTheContainer() throws Exception {
    URI clock = URI.create("http://127.0.0.1:" + ClockServer.PORT + "/");
    try (Container<ClockServer> container = Container.start(ClockServer.class)) {
      assertThat(container.webAddress()).as("the container serves nothing itself").isEmpty();
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(clock).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).startsWith("It is ");
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", ClockServer.PORT).close())
        .isInstanceOf(IOException.class);
  }
}
