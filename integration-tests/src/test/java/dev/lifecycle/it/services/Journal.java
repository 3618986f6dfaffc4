package dev.lifecycle.it.services;

import java.util.ArrayList;
import java.util.List;

/**
 * Where test services write what ran, for services whose instance a test cannot reach (one that
 * failed to start) or reaches only after the fact. Tests clear it before each use; tests in this
 * module do not run in parallel.
 */
public final class Journal {

  private static final List<String> ENTRIES = new ArrayList<>();

  private Journal() {}

  public static synchronized void write(String entry) {
    ENTRIES.add(entry);
  }

  public static synchronized List<String> entries() {
    return List.copyOf(ENTRIES);
  }

  public static synchronized void clear() {
    ENTRIES.clear();
  }
}
