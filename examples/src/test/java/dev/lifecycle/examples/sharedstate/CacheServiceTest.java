package dev.lifecycle.examples.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.junit.LifecycleInject;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * State shared across methods and calls: one container for the whole class (the extension's
 * default), so the tests run in order against the same cache and counters.
 */
@LifecycleTest(CacheService.class)
@TestMethodOrder(OrderAnnotation.class)
class CacheServiceTest {

  @LifecycleInject Container<CacheService> container;

  @Test
  @Order(1)
  void startsEmpty() {
    assertThat(container.call("stats"))
        .isEqualTo(Map.of("requests", 0L, "hits", 0L, "misses", 0L, "size", 0L));
  }

  @Test
  @Order(2)
  void whatOneMethodStoresAnotherReads() {
    assertThat(container.call("get", "greeting")).isNull();
    assertThat(container.call("put", "greeting", "hello")).isNull();
    assertThat(container.call("get", "greeting")).isEqualTo("hello");
    assertThat(container.call("put", "greeting", "bonjour")).isEqualTo("hello");
    assertThat(container.call("evict", "greeting")).isEqualTo(true);
    assertThat(container.call("get", "greeting")).isNull();

    assertThat(container.call("stats"))
        .isEqualTo(Map.of("requests", 6L, "hits", 1L, "misses", 2L, "size", 0L));
  }

  @Test
  @Order(3)
  void theStateOutlivesEachCallAndEachTest() {
    // Requests of the previous test are still counted: one container serves them all.
    assertThat(statistic("requests")).isEqualTo(6L);
  }

  @Test
  @Order(4)
  void concurrentCallsLoseNoUpdate() throws Exception {
    assertThat(container.options().maxConcurrentInputs()).isEqualTo(4);
    long before = statistic("requests");
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String key = "key-" + i;
        calls.add(() -> container.call("put", key, "value-" + key));
        calls.add(() -> container.call("get", key));
      }
      for (Future<Object> call : callers.invokeAll(calls)) {
        call.get();
      }
    } finally {
      callers.shutdown();
    }
    assertThat(statistic("requests")).isEqualTo(before + 1_000);
    assertThat(statistic("size")).isEqualTo(500L);
    assertThat(container.call("get", "key-499")).isEqualTo("value-key-499");
  }

  @Test
  @Order(5)
  void anotherContainerHasItsOwnState() {
    try (Container<CacheService> other = Container.start(CacheService.class)) {
      assertThat(other.call("get", "key-1")).isNull();
      assertThat(other.call("stats")).isEqualTo(Map.of("requests", 1L, "hits", 0L, "misses", 1L, "size", 0L));
    }
    assertThat(container.call("get", "key-1")).isEqualTo("value-key-1");
  }

  private long statistic(String name) {
    return (Long) ((Map<?, ?>) container.call("stats")).get(name);
  }
}
