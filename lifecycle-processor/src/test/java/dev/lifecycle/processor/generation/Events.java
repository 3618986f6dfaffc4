package dev.lifecycle.processor.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * A log that services compiled inside tests write to, so that tests see which hooks ran and in
 * which order. Compiled services reach it through the test class loader.
 */
public final class Events {

  private static final List<String> EVENTS = new ArrayList<>();

  private Events() {}

  public static synchronized void record(String event) {
    EVENTS.add(event);
  }

  public static synchronized List<String> takeAll() {
    List<String> taken = List.copyOf(EVENTS);
    EVENTS.clear();
    return taken;
  }
}
