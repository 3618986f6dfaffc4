package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.worker.AbcdService.Identity;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.WorkerDiedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frozen worker (SIGSTOP) is found out by the one liveness rule of calls and web requests: no
 * answer within the input timeout plus 10 s. Then it is killed, its callers fail with the
 * documented exception (a 504 on the web path), and the pool serves from a new container. The
 * bound asserted is the documented one with room for a slow machine; it is a guarantee, not a
 * speed.
 */
@ExtendWith(NoStrayWorkers.class)
class HungWorkerTest {

  private static final Duration INPUT_TIMEOUT = Duration.ofSeconds(2);
  /** The input timeout, the 10 s allowance, the kill, and room for a busy machine. */
  private static final Duration BOUND = Duration.ofSeconds(25);

  @TempDir Path dir;

  @Test
  void aFrozenWorkerFailsItsCallWithWorkerDiedAndIsReplaced() throws Exception {
    try (ContainerPool pool = Workers.pool(AbcdService.class, dir).memorySnapshots(false)
        .inputTimeout(INPUT_TIMEOUT).minContainers(1).maxContainers(1).build()) {
      ContainerInfo frozen = pool.containers().get(0);
      Workers.signal(frozen.pid(), "STOP");
      long start = System.nanoTime();

      assertThatThrownBy(() -> pool.call(Identity.class, "identity", 0L))
          .isInstanceOf(WorkerDiedException.class)
          .hasMessageContaining("taken for hung and killed");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);

      Identity next = pool.call(Identity.class, "identity", 0L);
      assertThat(next.containerId()).isNotEqualTo(frozen.containerId());
    }
  }

  @Test
  void aFrozenWorkerAnswersItsWebRequestWith504AndIsReplaced() throws Exception {
    try (ContainerPool pool = Workers.pool(EchoAppService.class, dir)
        .inputTimeout(INPUT_TIMEOUT).minContainers(1).maxContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();
      HttpClient client = HttpClient.newHttpClient();
      ContainerInfo frozen = pool.containers().get(0);
      Workers.signal(frozen.pid(), "STOP");
      long start = System.nanoTime();

      HttpResponse<String> stuck = client.send(HttpRequest.newBuilder(web.resolve("/a")).GET()
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(stuck.statusCode()).isEqualTo(504);
      assertThat(stuck.body()).contains("taken for hung and replaced");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
      HttpResponse<String> served = client.send(HttpRequest.newBuilder(web.resolve("/b")).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(served.statusCode()).isEqualTo(201);
      assertThat(pool.containers()).filteredOn(c -> c.containerId().equals(frozen.containerId()))
          .extracting(ContainerInfo::state).containsExactly(ContainerInfo.State.ENDED);
    }
  }
}
