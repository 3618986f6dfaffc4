package dev.lifecycle.examples.sharedstate;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * State shared across methods: a cache and request counters that every {@code @Method} of one
 * container reads and writes, set up in an enter hook.
 *
 * <p>A container is one instance serving many calls, so its fields live as long as the container
 * and every method sees the same ones; another container has its own. With {@code
 * maxConcurrentInputs = 4}, up to four calls touch them at once, so they are concurrent types: a
 * {@link ConcurrentHashMap} and {@link LongAdder}s. With the default of one input at a time, plain
 * {@code HashMap} and {@code long} fields would do.
 */
@Service(maxConcurrentInputs = 4)
public class CacheService {

  private ConcurrentMap<String, String> cache;
  private LongAdder requests;
  private LongAdder hits;
  private LongAdder misses;

  @Enter
  void setUp() {
    cache = new ConcurrentHashMap<>();
    requests = new LongAdder();
    hits = new LongAdder();
    misses = new LongAdder();
  }

  /** The cached value, or {@code null}. */
  @Method
  public String get(String key) {
    requests.increment();
    String value = cache.get(key);
    (value != null ? hits : misses).increment();
    return value;
  }

  /** Caches a value; returns the one it replaced, or {@code null}. */
  @Method
  public String put(String key, String value) {
    requests.increment();
    return cache.put(key, value);
  }

  /** Removes a value; returns whether there was one. */
  @Method
  public boolean evict(String key) {
    requests.increment();
    return cache.remove(key) != null;
  }

  /** The counters and the cache size. Not itself counted as a request. */
  @Method
  public Map<String, Long> stats() {
    Map<String, Long> stats = new LinkedHashMap<>();
    stats.put("requests", requests.sum());
    stats.put("hits", hits.sum());
    stats.put("misses", misses.sum());
    stats.put("size", (long) cache.size());
    return stats;
  }
}
