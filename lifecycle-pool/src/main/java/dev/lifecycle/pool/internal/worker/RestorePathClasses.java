package dev.lifecycle.pool.internal.worker;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, before the checkpoint, the classes a restored clone needs between its restore and its
 * first result that nothing before the snapshot point loaded: the outcome of the snapshot, the
 * call's hand-off to an input thread, the locks' wait nodes. A clone would otherwise find each
 * (Lifecycle's in their jars, the JDK's in its runtime image), define it and verify it after the
 * restore, where its first writes are page copies: a fraction of a millisecond apiece in every
 * clone. {@code RestorePathLinkingTest} reads a real clone's class loading and fails when one of
 * Lifecycle's classes is loaded there again; {@code RestorePathClassesTest} that every name here
 * names a class.
 */
final class RestorePathClasses {

  private static final System.Logger LOG = System.getLogger(RestorePathClasses.class.getName());

  /**
   * Loaded and initialized: their static state is constants and empty caches, the same in every
   * clone.
   */
  private static final List<String> INITIALIZED = List.of(
      "dev.lifecycle.runtime.SnapshotOutcome",
      "dev.lifecycle.runtime.SnapshotOutcome$Kind",
      "dev.lifecycle.runtime.spi.WebMethodDescriptor$Kind",
      "dev.lifecycle.runtime.internal.WebFrontends",
      "dev.lifecycle.runtime.spi.Arguments",
      "dev.lifecycle.runtime.spi.Elements",
      "dev.lifecycle.runtime.internal.InputCall",
      "dev.lifecycle.runtime.internal.InputExecutor$Invocation",
      "dev.lifecycle.runtime.internal.InputExecutor$Started",
      "dev.lifecycle.pool.internal.worker.WorkerSession$Serving",
      "java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode",
      "java.util.concurrent.locks.AbstractQueuedSynchronizer$SharedNode",
      "java.util.concurrent.CompletableFuture$Signaller");

  /**
   * Loaded only: initializing {@code UUID}'s holder would make its generator here, and every
   * clone would draw the same ids from it (see docs/snapshots.md). Loaded, a post-snapshot hook's
   * first {@code UUID.randomUUID()} only initializes it.
   */
  private static final List<String> LOADED = List.of("java.util.UUID$Holder");

  private RestorePathClasses() {}

  static void load() {
    ClassLoader loader = RestorePathClasses.class.getClassLoader();
    load(INITIALIZED, true, loader);
    load(LOADED, false, loader);
  }

  /** Every name this loads. */
  static List<String> names() {
    List<String> names = new ArrayList<>(INITIALIZED);
    names.addAll(LOADED);
    return names;
  }

  private static void load(List<String> names, boolean initialize, ClassLoader loader) {
    for (String name : names) {
      try {
        Class.forName(name, initialize, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        LOG.log(Level.DEBUG, () -> "not loaded before the checkpoint (harmless, only slower): " + e);
      }
    }
  }
}
