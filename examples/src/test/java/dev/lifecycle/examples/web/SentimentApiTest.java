package dev.lifecycle.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.runtime.Container;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model's web endpoints, over real HTTP, in a container of this JVM. */
class SentimentApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Container<SentimentApi> container;
  private static URI web;

  @BeforeAll
  static void start() {
    container = Container.start(SentimentApi.class);
    web = container.webAddress().orElseThrow();
  }

  @AfterAll
  static void stop() {
    container.close();
  }

  @Test
  void predictsFromAJsonBody() throws Exception {
    HttpResponse<String> response = post("/predict", "{\"text\": \"a wonderful, moving film\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode prediction = JSON.readTree(response.body());
    assertThat(prediction.get("positive").asBoolean()).isTrue();
    assertThat(prediction.get("probabilityPositive").asDouble()).isGreaterThan(0.5);
  }

  @Test
  void predictsABatchWithTheContainersId() throws Exception {
    HttpResponse<String> response = post("/predict-batch",
        "{\"texts\": [\"boring and far too long\", \"a wonderful, moving film\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode batch = JSON.readTree(response.body());
    assertThat(batch.get("predictions")).hasSize(2);
    assertThat(batch.get("predictions").get(0).get("positive").asBoolean()).isFalse();
    assertThat(batch.get("predictions").get(1).get("positive").asBoolean()).isTrue();
    assertThat(batch.get("containerId").asText()).isNotBlank();
  }

  @Test
  void getsTheStats() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(web.resolve("/stats")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("containerId").asText()).isNotBlank();
  }

  @Test
  void badRequestsAreAnsweredWith4xxAndTheContainerKeepsServing() throws Exception {
    HttpResponse<String> malformed = post("/predict", "{\"text\": ");
    HttpResponse<String> typo = post("/predict", "{\"txt\": \"typo\"}");
    HttpResponse<String> unknown = post("/nope", "{}");

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("txt").contains("text");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(post("/predict", "{\"text\": \"still here\"}").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(web.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
