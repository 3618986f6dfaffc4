package dev.lifecycle.examples.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.lifecycle.runtime.Container;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/** A thread pool created in the enter hook, shared by calls, and terminated by the exit hook. */
class DigestServiceTest {

  private static final String SHA256_OF_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void callsFanOutOnThePool() throws Exception {
    try (Container<DigestService> container = Container.start(DigestService.class)) {
      List<String> texts = List.of("abc", "def", "ghi", "jkl", "mno", "pqr");
      @SuppressWarnings("unchecked")
      Map<String, String> digests = (Map<String, String>) container.call("sha256", texts);

      assertThat(digests).containsOnlyKeys(texts).containsEntry("abc", SHA256_OF_ABC);
      assertThat(container.call("workerNames")).asInstanceOf(LIST)
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(DigestService.THREADS)
          .allSatisfy(name -> assertThat(name).asString().startsWith("digest-worker-"));
    }
  }

  @Test
  void thePoolIsReusedAcrossCalls() {
    try (Container<DigestService> container = Container.start(DigestService.class)) {
      for (int i = 0; i < 20; i++) {
        container.call("sha256", List.of("a" + i, "b" + i, "c" + i, "d" + i));
      }
      // Twenty calls of four tasks each, but never more threads than the pool's size.
      assertThat(container.instance().workers()).hasSizeLessThanOrEqualTo(DigestService.THREADS);
    }
  }

  @Test
  void thePoolIsTerminatedAndItsThreadsGoneAfterStop() throws Exception {
    Container<DigestService> container = Container.start(DigestService.class);
    container.call("sha256", List.of("abc", "def", "ghi"));
    ExecutorService pool = container.instance().pool();
    List<Thread> workers = container.instance().workers();
    assertThat(workers).isNotEmpty().allSatisfy(worker -> assertThat(worker.isAlive()).isTrue());

    container.close();

    assertThat(pool.isTerminated()).isTrue();
    for (Thread worker : workers) {
      worker.join(5_000); // terminated means the tasks are done; the threads end right after
      assertThat(worker.isAlive()).as(worker.getName()).isFalse();
    }
  }
}
