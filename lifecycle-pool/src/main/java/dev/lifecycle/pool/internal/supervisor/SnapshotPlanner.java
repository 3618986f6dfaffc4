package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.engine.EngineCheck;
import dev.lifecycle.pool.engine.SnapshotEngine;
import dev.lifecycle.pool.internal.IoFailures;
import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.store.Snapshot;
import dev.lifecycle.pool.internal.store.SnapshotKey;
import dev.lifecycle.pool.internal.store.SnapshotLookup;
import dev.lifecycle.pool.internal.store.SnapshotLease;
import dev.lifecycle.pool.internal.store.SnapshotStore;
import dev.lifecycle.pool.internal.store.StoreHousekeeping;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides how the pool's next container starts (cold, as the original to checkpoint, or as a
 * restore of the snapshot) and keeps track of the snapshot: found, being built, available, or
 * given up on for a reason, which is logged once as a warning.
 *
 * <p>While the first container is being started and checkpointed, further starts wait for the
 * outcome: a few hundred milliseconds of waiting buy a restore instead of a cold start.
 *
 * <p>When the pool cannot tell whether the service takes snapshots at all (its class is not on the
 * supervisor's class path) and the snapshot engine is not usable, the warning waits until a
 * worker reports a snapshot step: services without one never hear about the engine.
 */
public final class SnapshotPlanner {

  /** The fallback warning goes to the pool's logger, where users look for it. */
  private static final System.Logger POOL_LOG = System.getLogger(ContainerPool.class.getName());

  /** The manifest {@link SnapshotStore} writes last; without it a snapshot counts as unfinished. */
  private static final String MANIFEST = "manifest.properties";

  /** How the next container starts. */
  sealed interface Plan {
    /** Start cold, offering no checkpoint. */
    record Cold() implements Plan {}

    /** Start the original: cold, and checkpointed into the store at its snapshot point. */
    record Build(SnapshotEngine engine, SnapshotStore store, SnapshotKey key) implements Plan {}

    /** Restore the snapshot. */
    record Restore(SnapshotEngine engine, Snapshot snapshot) implements Plan {}
  }

  private final PoolConfig config;
  private final LocalService service;
  private final List<String> keyOptions;
  private final Object lock = new Object();

  // Guarded by lock.
  private SnapshotStatus.State state = SnapshotStatus.State.UNDECIDED;
  private String detail = "no container has started yet";
  private SnapshotStore store;
  private SnapshotKey key;
  private Snapshot snapshot;
  private boolean warned;
  private boolean warningDeferred;
  private boolean rebuiltAfterFailedRestore;
  /**
   * Guarded by lock: {@link #prepare} found and verified the snapshot, and the starts of the
   * pool's opening, moments later, use it without looking it up again (until {@link
   * #openingDone}).
   */
  private boolean verifiedForOpening;
  /** Held from the moment the key is known until {@link #close}: restores read the image. */
  private SnapshotLease lease;

  /**
   * @param keyOptions what shapes the image besides the class path, Java, the engine and the kernel:
   *     the workers' JVM options and image arguments
   */
  public SnapshotPlanner(PoolConfig config, LocalService service, List<String> keyOptions) {
    this.config = config;
    this.service = service;
    this.keyOptions = List.copyOf(keyOptions);
  }

  /** Checks the snapshot engine and finds an existing snapshot. */
  public void prepare() {
    synchronized (lock) {
      if (!config.memorySnapshots()) {
        coldSilently("memory snapshots are turned off for this pool");
        return;
      }
      if (service.memorySnapshotEnabled().equals(Optional.of(false))) {
        state = SnapshotStatus.State.NOT_USED;
        detail = "the service does not enable memory snapshots";
        return;
      }
      EngineCheck check = config.engine().check();
      if (check instanceof EngineCheck.Unavailable unavailable) {
        fallBack(unavailable.reason(), service.memorySnapshotEnabled().isEmpty());
        return;
      }
      try {
        store = storeAt(config.snapshotStore().orElse(SnapshotStore.defaultRoot()));
        key = SnapshotKey.forThisJvm(config.serviceClassName(), config.classpath(), keyOptions,
            ((EngineCheck.Ready) check).identity(), config.parameters());
        lease = store.lease(key);
        SnapshotLookup lookup = store.lookup(key);
        if (lookup instanceof SnapshotLookup.Found f) {
          available(f.snapshot());
          verifiedForOpening = true;
        } else {
          detail = lookup instanceof SnapshotLookup.Discarded d ? d.reason()
              : ((SnapshotLookup.Missing) lookup).reason();
        }
      } catch (IOException e) {
        fallBack("the snapshot store " + config.snapshotStore().orElse(SnapshotStore.defaultRoot())
            + " cannot be used (" + IoFailures.describe(e) + "); give the pool a snapshot store"
            + " directory this user owns", service.memorySnapshotEnabled().isEmpty());
      }
    }
  }

  /** The pool's opening starts were asked for: every start from now on looks the snapshot up. */
  public void openingDone() {
    synchronized (lock) {
      verifiedForOpening = false;
    }
  }

  /** How to start the next container; waits while the snapshot is being built. */
  Plan next() throws InterruptedException {
    synchronized (lock) {
      while (state == SnapshotStatus.State.BUILDING) {
        lock.wait();
      }
      switch (state) {
        case NOT_USED, COLD_FALLBACK:
          return new Plan.Cold();
        case AVAILABLE:
          if (verifiedForOpening || stillThere()) {
            return new Plan.Restore(config.engine(), snapshot);
          }
          state = SnapshotStatus.State.UNDECIDED;
          // fall through: rebuild
        default:
          state = SnapshotStatus.State.BUILDING;
          detail = "the first container is starting, to be checkpointed at its snapshot point";
          return new Plan.Build(config.engine(), store, key);
      }
    }
  }

  /** The store still verifies the snapshot (file sizes on each call; checksums once). */
  private boolean stillThere() {
    try {
      SnapshotLookup lookup = store.lookup(key);
      if (lookup instanceof SnapshotLookup.Found f) {
        snapshot = f.snapshot();
        return true;
      }
      detail = lookup instanceof SnapshotLookup.Discarded d ? d.reason()
          : ((SnapshotLookup.Missing) lookup).reason();
      return false;
    } catch (IOException e) {
      detail = "the snapshot store cannot be read: " + e.getMessage();
      return false;
    }
  }

  /**
   * The original was checkpointed into {@code built} (or another supervisor stored it first).
   * The store's housekeeping then runs in the background: deleting old images may take a while,
   * and no start waits for it.
   */
  void built(Snapshot built) {
    SnapshotStore tidied;
    synchronized (lock) {
      available(built);
      lock.notifyAll();
      tidied = store;
    }
    Thread housekeeping = new Thread(() -> keepWithinBudget(tidied, built),
        "lifecycle-snapshot-store-housekeeping");
    housekeeping.setDaemon(true);
    housekeeping.start();
  }

  private void keepWithinBudget(SnapshotStore tidied, Snapshot built) {
    try {
      for (StoreHousekeeping.Outcome o : StoreHousekeeping.afterStore(tidied, built, config.snapshotStoreBudget())) {
        if (o.removed()) {
          POOL_LOG.log(Level.INFO, "Service " + service.serviceName() + ": removed the snapshot "
              + o.entry().directory() + " from the store, " + o.reason());
        }
      }
    } catch (IOException | RuntimeException e) {
      POOL_LOG.log(Level.WARNING, "Service " + service.serviceName() + ": keeping the snapshot store "
          + tidied.root() + " within its budget failed (" + e + "); it may hold more than "
          + config.snapshotStoreBudget() + " bytes until a later pool or `lifecycle snapshots prune` tidies it");
    }
  }

  /** Gives back the lease on the key's image: from now on it may be evicted. Idempotent. */
  public void close() {
    SnapshotLease held;
    synchronized (lock) {
      held = lease;
      lease = null;
    }
    if (held != null) {
      try {
        held.close();
      } catch (IOException e) {
        POOL_LOG.log(Level.DEBUG, () -> "releasing the lease on " + key + ": " + e);
      }
    }
  }

  /**
   * The original could not be checkpointed (the engine failed, or the worker refused for an open
   * resource): cold starts from now on.
   */
  void buildFailed(String reason) {
    synchronized (lock) {
      fallBack(reason, false);
      lock.notifyAll();
    }
  }

  /** The original became ready without a snapshot point: the service takes no snapshots. */
  void noSnapshotPoint() {
    synchronized (lock) {
      state = SnapshotStatus.State.NOT_USED;
      detail = "the service does not enable memory snapshots";
      lock.notifyAll();
    }
  }

  /** The original did not get to its snapshot point (it failed to start): the next start tries again. */
  void buildAbandoned(String why) {
    synchronized (lock) {
      if (state == SnapshotStatus.State.BUILDING) {
        state = SnapshotStatus.State.UNDECIDED;
        detail = "the container to be checkpointed did not reach its snapshot point: " + why;
        lock.notifyAll();
      }
    }
  }

  /**
   * Restoring {@code failed} went wrong: it is discarded; the next start rebuilds it, once per
   * pool; a second failure means cold starts from then on.
   */
  void restoreFailed(Snapshot failed, String reason) {
    synchronized (lock) {
      if (state != SnapshotStatus.State.AVAILABLE || !failed.equals(snapshot)) {
        // Another thread handled this snapshot's failure: what is in its place now may be a
        // rebuilt image, not to be touched.
        return;
      }
      discard(failed);
      snapshot = null;
      if (!rebuiltAfterFailedRestore) {
        rebuiltAfterFailedRestore = true;
        state = SnapshotStatus.State.UNDECIDED;
        detail = "restoring the snapshot failed; it was discarded and is being rebuilt: " + reason;
        POOL_LOG.log(Level.WARNING, "Service " + service.serviceName() + ": restoring its memory"
            + " snapshot " + failed.directory() + " failed, so it was discarded and will be rebuilt"
            + " from the next container; that container starts cold. " + reason);
      } else {
        fallBack("restoring the memory snapshot failed again after it was rebuilt: " + reason, false);
      }
      lock.notifyAll();
    }
  }

  /**
   * A cold worker reported a snapshot step: the service takes snapshots after all, so a fallback
   * that was not worth a warning before is now.
   */
  void snapshotStepSeen() {
    synchronized (lock) {
      if (warningDeferred && !warned) {
        warningDeferred = false;
        warn();
      }
    }
  }

  public SnapshotStatus status() {
    synchronized (lock) {
      return new SnapshotStatus(state, detail,
          Optional.ofNullable(snapshot).map(Snapshot::directory),
          snapshot == null ? 0 : snapshot.imageSize());
    }
  }

  /** Guarded by lock. */
  private void available(Snapshot found) {
    snapshot = found;
    state = SnapshotStatus.State.AVAILABLE;
    detail = "containers are restores of " + found.directory() + " (" + found.imageSize() / (1024 * 1024)
        + " MB)";
  }

  /** Guarded by lock. */
  private void coldSilently(String why) {
    state = SnapshotStatus.State.COLD_FALLBACK;
    detail = why;
  }

  /** Guarded by lock: cold starts from now on, with one warning (now, or once it matters). */
  private void fallBack(String reason, boolean deferWarning) {
    state = SnapshotStatus.State.COLD_FALLBACK;
    detail = reason;
    if (deferWarning) {
      warningDeferred = true;
    } else {
      warn();
    }
  }

  /** Guarded by lock. */
  private void warn() {
    if (!warned) {
      warned = true;
      POOL_LOG.log(Level.WARNING, "Service " + service.serviceName() + ": containers start cold,"
          + " without a memory snapshot (the snap hooks run in every container), because " + detail);
    }
  }

  /**
   * Makes the store discard {@code failed}: without its manifest the store counts it as unfinished
   * and deletes it at the next lookup, under its lock.
   */
  private void discard(Snapshot failed) {
    try {
      Files.deleteIfExists(failed.directory().resolve(MANIFEST));
      store.lookup(key);
    } catch (IOException e) {
      POOL_LOG.log(Level.DEBUG, () -> "discarding " + failed.directory() + ": " + e);
    }
  }

  /**
   * One store per directory for the whole JVM: a store hashes an image's files once and remembers
   * it, and that hashing costs about as much as a restore, so every pool of this supervisor that
   * uses the directory shares that memory.
   */
  private static SnapshotStore storeAt(Path root) throws IOException {
    Path key = root.toAbsolutePath().normalize();
    SnapshotStore store = STORES.get(key);
    if (store == null) {
      SnapshotStore opened = SnapshotStore.open(key);
      store = STORES.putIfAbsent(key, opened);
      return store == null ? opened : store;
    }
    return store;
  }

  private static final Map<Path, SnapshotStore> STORES = new ConcurrentHashMap<>();
}
