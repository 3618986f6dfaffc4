package dev.lifecycle.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, forgetting the least recently used one first:
 * for what a JVM remembers of things it may meet without end (class loaders come and go, class
 * paths change). Not thread-safe: guard it.
 */
public final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

  private static final long serialVersionUID = 1L;

  private final int capacity;

  public RecentlyUsed(int capacity) {
    super(16, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
