package dev.lifecycle.examples.web;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@link SentimentApi} from a pool of worker JVMs (from a memory snapshot when CRIU is
 * there) and sends it real HTTP requests: good ones, and bad ones that get a 4xx without harming
 * the container.
 */
public final class WebDemo {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private WebDemo() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}; returns the status codes of the requests, in order. */
  static List<Integer> run(PrintStream out) throws IOException, InterruptedException {
    List<Integer> statuses = new ArrayList<>();
    try (ContainerPool pool = ContainerPool.builder(SentimentApi.class)
        .minContainers(1).maxContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();
      ContainerInfo container = pool.containers().get(0);
      out.println("SentimentApi serves at " + web + " (container " + container.containerId() + ", "
          + container.startKind() + "; snapshot: " + pool.snapshotStatus().state() + ")");
      out.println();
      statuses.add(send(out, web, "POST", "/predict", "{\"text\": \"a wonderful, moving film\"}"));
      statuses.add(send(out, web, "POST", "/predict-batch",
          "{\"texts\": [\"boring and far too long\", \"a wonderful, moving film\"]}"));
      statuses.add(send(out, web, "GET", "/stats", null));
      out.println("Bad requests get a 4xx with a message, and the container keeps serving:");
      out.println();
      statuses.add(send(out, web, "POST", "/predict", "{\"text\": "));
      statuses.add(send(out, web, "POST", "/predict", "{\"txt\": \"typo\"}"));
      statuses.add(send(out, web, "GET", "/predict", null));
      statuses.add(send(out, web, "GET", "/nope", null));
      statuses.add(send(out, web, "POST", "/predict", "{\"text\": \"still serving, and glad of it\"}"));
    }
    return statuses;
  }

  private static int send(PrintStream out, URI web, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(web.resolve(path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
      out.println("$ curl -X " + method + " " + web.resolve(path));
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
      out.println("$ curl -X " + method + " " + web.resolve(path) + " -d '" + json + "'");
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    out.println(response.statusCode() + " " + response.body());
    out.println();
    return response.statusCode();
  }
}
