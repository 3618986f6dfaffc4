package dev.lifecycle.it.worker;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test: fails when a JVM or child process of these tests still runs (no orphan may
 * survive a pool), and kills them all either way, so one failure does not spill into the next test.
 */
final class NoStrayWorkers implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      Workers.assertNoStrayWorkers();
    } finally {
      Workers.killStrayWorkers();
    }
  }
}
