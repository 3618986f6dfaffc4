package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.it.worker.WebGreeterService.Greeting;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web endpoints served by worker JVMs, through the pool's one web address: answered after the
 * enter hooks, by restored clones as by the checkpointed container, bad requests answered with a
 * 4xx that leaves the container serving, requests refused with a 503 while the pool stops, and
 * exit hooks run on SIGTERM.
 */
@ExtendWith(NoStrayWorkers.class)
class WebWorkerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void restoredClonesServeTheEndpointsOfTheSnapshot() throws Exception {
    Workers.requireCriu();
    try (ContainerPool pool = Workers.pool(WebGreeterService.class, dir)
        .minContainers(1).maxContainers(2).build()) {
      URI web = pool.webAddress().orElseThrow();

      // Two slow requests at once: one container serves one input at a time, so the pool
      // restores a second container from the snapshot the first one took.
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> get(web.resolve("/slow?millis=1500")));
      CompletableFuture<HttpResponse<String>> second =
          CompletableFuture.supplyAsync(() -> get(web.resolve("/slow?millis=1500")));
      assertThat(List.of(first.join(), second.join()))
          .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));

      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind)
          .containsExactlyInAnyOrder(StartKind.CHECKPOINTED, StartKind.RESTORED);
      assertThat(WorkerFiles.lines(dir, "snaps")).as("snap hook runs").hasSize(1);

      // Each container, reached at its own address, answers from the snapshotted state with its
      // own post-snapshot values.
      List<Greeting> greetings = pool.containers().stream()
          .map(info -> post(info.webAddress().orElseThrow().resolve("/greet"), "{\"name\": \"Ada\", \"times\": 2}"))
          .map(response -> read(response, Greeting.class))
          .toList();
      assertThat(greetings).extracting(Greeting::text).containsOnly("Hello, Ada! Hello, Ada!");
      assertThat(greetings).extracting(Greeting::restored).containsExactlyInAnyOrder(false, true);
      assertThat(greetings).extracting(Greeting::instance).doesNotHaveDuplicates();
      assertThat(greetings).extracting(Greeting::containerId)
          .containsExactlyInAnyOrderElementsOf(pool.containers().stream().map(ContainerInfo::containerId).toList());
    }
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(2);
  }

  @Test
  void badRequestsGetA4xxAndTheContainerKeepsServing() throws Exception {
    try (ContainerPool pool = Workers.pool(WebGreeterService.class, dir)
        .memorySnapshots(false).minContainers(1).maxContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();

      HttpResponse<String> malformed = post(web.resolve("/greet"), "{\"name\": \"Ada\", ");
      HttpResponse<String> wrongType = post(web.resolve("/greet"), "{\"name\": \"Ada\", \"times\": \"twice\"}");
      HttpResponse<String> unknownPath = post(web.resolve("/nope"), "{}");
      HttpResponse<String> wrongMethod = get(web.resolve("/greet"));

      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).contains("\"error\"").contains("/greet");
      assertThat(wrongType.statusCode()).isEqualTo(400);
      assertThat(wrongType.body()).contains("times").contains("int");
      assertThat(unknownPath.statusCode()).isEqualTo(404);
      assertThat(unknownPath.body()).contains("/nope").contains("/greet");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");

      HttpResponse<String> good = post(web.resolve("/greet"), "{\"name\": \"Bob\", \"times\": 1}");
      assertThat(good.statusCode()).isEqualTo(200);
      assertThat(read(good, Greeting.class).text()).isEqualTo("Hello, Bob!");
      assertThat(pool.containers()).singleElement()
          .satisfies(info -> assertThat(info.state()).isEqualTo(ContainerInfo.State.READY));
      assertThat(WorkerFiles.lines(dir, "enters")).hasSize(1);
    }
  }

  @Test
  void requestsWhileThePoolStopsAreRefusedWith503AndInFlightOnesFinish() throws Exception {
    ContainerPool pool = Workers.pool(WebGreeterService.class, dir)
        .memorySnapshots(false).minContainers(1).maxContainers(1).build();
    try {
      URI web = pool.webAddress().orElseThrow();
      CompletableFuture<HttpResponse<String>> inFlight =
          CompletableFuture.supplyAsync(() -> get(web.resolve("/slow?millis=3000")));
      Workers.awaitTrue(() -> !WorkerFiles.lines(dir, "slow").isEmpty(), () -> "the slow request runs");
      CompletableFuture<Void> closing = CompletableFuture.runAsync(pool::close);

      HttpResponse<String> refused = awaitNot200(web.resolve("/greet"));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("closed").contains(WebGreeterService.class.getName());
      assertThat(inFlight.join().statusCode()).isEqualTo(200);
      closing.join();
    } finally {
      pool.close();
    }
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(1);
  }

  @Test
  void sigtermRunsTheExitHooksOfAWebContainer() throws Exception {
    try (ContainerPool pool = Workers.pool(WebGreeterService.class, dir)
        .memorySnapshots(false).minContainers(1).maxContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();
      assertThat(post(web.resolve("/greet"), "{\"name\": \"Ada\", \"times\": 1}").statusCode()).isEqualTo(200);
      ContainerInfo container = pool.containers().get(0);

      Workers.signal(container.pid(), "TERM");

      Workers.awaitTrue(() -> WorkerFiles.lines(dir, "exits").contains(container.containerId()),
          () -> "exit hook of " + container.containerId() + " after SIGTERM");
      Workers.awaitTrue(() -> ProcessHandle.of(container.pid()).map(p -> !p.isAlive()).orElse(true),
          () -> "worker " + container.pid() + " exits after SIGTERM");
      // The pool replaces it on the next request.
      assertThat(post(web.resolve("/greet"), "{\"name\": \"Bob\", \"times\": 1}").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> awaitNot200(URI uri) {
    long deadline = System.nanoTime() + Workers.GENEROUS.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = post(uri, "{\"name\": \"late\", \"times\": 1}");
      if (response.statusCode() != 200) {
        return response;
      }
    }
    throw new AssertionError("requests to " + uri + " were still answered after " + Workers.GENEROUS);
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return Http.get(uri);
    } catch (Exception e) {
      throw new AssertionError("GET " + uri, e);
    }
  }

  private static HttpResponse<String> post(URI uri, String json) {
    try {
      return Http.postJson(uri, json);
    } catch (Exception e) {
      throw new AssertionError("POST " + uri, e);
    }
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readValue(response.body(), type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + response.body() + " as " + type, e);
    }
  }
}
