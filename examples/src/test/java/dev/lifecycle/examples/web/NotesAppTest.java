package dev.lifecycle.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.runtime.Container;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The whole-application form: one handler serves every path, after the enter hooks. */
class NotesAppTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void theHandlerServesEveryPath() throws Exception {
    try (Container<NotesApp> container = Container.start(NotesApp.class)) {
      URI notes = container.webAddress().orElseThrow().resolve("/notes");

      HttpResponse<String> added = CLIENT.send(HttpRequest.newBuilder(notes)
          .POST(HttpRequest.BodyPublishers.ofString("buy milk")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> listed = CLIENT.send(HttpRequest.newBuilder(notes).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> other = CLIENT.send(
          HttpRequest.newBuilder(notes.resolve("/elsewhere/deeper")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(listed.body()).isEqualTo("welcome\nbuy milk\n");
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(other.body()).contains("/elsewhere/deeper").contains("try /notes");
    }
  }
}
