package dev.lifecycle.pool.internal.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The calls sent to one worker and not answered yet, by call id. Each is completed exactly once:
 * by its answer, or by the failure of the whole worker.
 */
final class PendingCalls {

  /**
   * A call waiting for its answer; a streaming call's items go to {@code items} as they come
   * (null for other calls).
   */
  record Pending(long id, String method, CompletableFuture<JsonNode> result, Consumer<JsonNode> items) {}

  private final Map<Long, Pending> calls = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** A new call of {@code method}, waiting from now on. */
  Pending add(String method) {
    return add(method, null);
  }

  /** A new streaming call of {@code method}, whose items go to {@code items}. */
  Pending add(String method, Consumer<JsonNode> items) {
    Pending call = new Pending(ids.incrementAndGet(), method, new CompletableFuture<>(), items);
    calls.put(call.id(), call);
    return call;
  }

  /** An item of streaming call {@code id}; an unknown id (a call given up on) is ignored. */
  void item(long id, JsonNode value) {
    Pending call = calls.get(id);
    if (call != null && call.items() != null) {
      call.items().accept(value);
    }
  }

  /** Forgets a call whose caller gave up on it. */
  void remove(Pending call) {
    calls.remove(call.id(), call);
  }

  /** The worker answered call {@code id}; an unknown id (a call given up on) is ignored. */
  void answered(long id, JsonNode value) {
    Pending call = calls.remove(id);
    if (call != null) {
      call.result().complete(value);
    }
  }

  /** Call {@code id} failed with what {@code failure} makes of its method's name. */
  void failed(long id, Function<String, RuntimeException> failure) {
    Pending call = calls.remove(id);
    if (call != null) {
      call.result().completeExceptionally(failure.apply(call.method()));
    }
  }

  /** Fails every call still waiting, each with what {@code failure} makes of its method's name. */
  void failAll(Function<String, RuntimeException> failure) {
    for (Pending call : calls.values()) {
      if (calls.remove(call.id(), call)) {
        call.result().completeExceptionally(failure.apply(call.method()));
      }
    }
  }
}
