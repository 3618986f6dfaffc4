package dev.lifecycle.pool;

import dev.lifecycle.pool.internal.store.SnapshotStore;
import dev.lifecycle.pool.internal.store.StoreEntry;
import dev.lifecycle.pool.internal.store.StoreHousekeeping;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks after a snapshot store from outside a pool: lists its snapshots, verifies them, removes
 * those selected. What {@code lifecycle snapshots list|verify|prune} runs; safe while pools use the
 * store, in this process or others: a snapshot in use or being built is never removed.
 *
 * <p>A store holds one directory per snapshot key (service class, class path contents, Java, JVM
 * options, snapshot engine, kernel), each an image of 80 to 200 MB for a typical service. Pools keep
 * it within a {@linkplain ContainerPoolBuilder#snapshotStoreBudget budget} themselves after each
 * snapshot they store; this class is for the rest (a store shared by machines, a CI cache, a
 * clean-up by hand).
 */
public final class SnapshotStoreAdmin {

  /** The default budget: 10 GiB, some fifty images of a typical service. */
  public static final long DEFAULT_BUDGET = 10L * 1024 * 1024 * 1024;

  /** System property with the default budget, a size such as {@code 2g} or {@code 500m}. */
  public static final String BUDGET_PROPERTY = "lifecycle.snapshotStore.budget";

  /** Environment variable with the default budget, when {@value #BUDGET_PROPERTY} is not set. */
  public static final String BUDGET_ENV = "LIFECYCLE_SNAPSHOT_BUDGET";

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)i?b?");

  private final SnapshotStore store;
  private final boolean readOnly;

  private SnapshotStoreAdmin(SnapshotStore store, boolean readOnly) {
    this.store = store;
    this.readOnly = readOnly;
  }

  /**
   * The store at {@code root}, created (mode 0700) when missing.
   *
   * @throws IOException when it cannot be created or made private
   */
  public static SnapshotStoreAdmin open(Path root) throws IOException {
    return new SnapshotStoreAdmin(SnapshotStore.open(Objects.requireNonNull(root, "root")), false);
  }

  /**
   * The existing store at {@code root}, to {@link #list} and {@link #verify} it without writing:
   * creates nothing and changes no mode, so it works on a read-only mount or another user's store.
   * Whether a snapshot is in use is {@link StoredSnapshot.Use#UNKNOWN} where finding out would need
   * write access (its use file exists but cannot be written); {@link #prune} is refused.
   *
   * @throws IOException when {@code root} is not a directory
   */
  public static SnapshotStoreAdmin openReadOnly(Path root) throws IOException {
    return new SnapshotStoreAdmin(SnapshotStore.openForReading(Objects.requireNonNull(root, "root")), true);
  }

  /**
   * The store pools use by default: {@code $XDG_CACHE_HOME/lifecycle/snapshots}, else {@code
   * ~/.cache/lifecycle/snapshots}.
   */
  public static Path defaultRoot() {
    return SnapshotStore.defaultRoot();
  }

  /**
   * The budget of pools that set none: {@value #BUDGET_PROPERTY}, else {@value #BUDGET_ENV}, else
   * {@link #DEFAULT_BUDGET}.
   *
   * @throws IllegalArgumentException when the property or variable is not a size
   */
  public static long defaultBudget() {
    String property = System.getProperty(BUDGET_PROPERTY);
    if (property != null && !property.isBlank()) {
      return parseSize(property, "system property " + BUDGET_PROPERTY);
    }
    String env = System.getenv(BUDGET_ENV);
    if (env != null && !env.isBlank()) {
      return parseSize(env, "environment variable " + BUDGET_ENV);
    }
    return DEFAULT_BUDGET;
  }

  /**
   * A size in bytes from {@code 1048576}, {@code 512k}, {@code 500m}, {@code 2g}, {@code 1t}
   * (powers of 1024; {@code MB}, {@code GiB} and the like are accepted too).
   *
   * @param what names the value in the message when it is not a size
   * @throws IllegalArgumentException when {@code text} is not a size
   */
  public static long parseSize(String text, String what) {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(what + " must be a size such as 10g, 500m or 1048576 (bytes),"
          + " not \"" + text + "\"");
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    try {
      long number = Long.parseLong(m.group(1));
      if (number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is too large: \"" + text + "\"");
    }
  }

  /** The store's directory. */
  public Path root() {
    return store.root();
  }

  /** Every snapshot in the store, least recently used first. */
  public List<StoredSnapshot> list() throws IOException {
    List<StoredSnapshot> snapshots = new ArrayList<>();
    for (StoreEntry e : store.entries()) {
      snapshots.add(describe(e));
    }
    snapshots.sort(Comparator.comparing(StoredSnapshot::lastUsed));
    return snapshots;
  }

  /** The bytes the store's snapshots take on disk. */
  public long totalSize() throws IOException {
    return store.entries().stream().mapToLong(StoreEntry::size).sum();
  }

  /**
   * What checking one snapshot found.
   *
   * @param snapshot the snapshot
   * @param problem what is wrong, naming the file; empty when every file is there, of its size
   *     and SHA-256
   */
  public record Verification(StoredSnapshot snapshot, Optional<String> problem) {
    public Verification {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(problem, "problem");
    }

    /** Whether the snapshot is intact. */
    public boolean intact() {
      return problem.isEmpty();
    }
  }

  /**
   * Hashes every file of every snapshot against its manifest (reads all of the store: seconds per
   * gigabyte). Removes nothing: a pool discards a broken snapshot itself when it looks it up, and
   * {@link #prune} with {@link SnapshotPrune.Superseded} removes those without a readable manifest.
   */
  public List<Verification> verify() throws IOException {
    List<Verification> results = new ArrayList<>();
    for (StoredSnapshot s : list()) {
      results.add(new Verification(s, s.problem().isPresent() ? s.problem() : store.verifyFully(s.directory())));
    }
    return results;
  }

  /**
   * What a prune did.
   *
   * @param removed the snapshots removed
   * @param kept the snapshots selected but kept, as a pool uses them or builds them now
   * @param bytesFreed the sizes of those removed
   */
  public record PruneResult(List<StoredSnapshot> removed, List<StoredSnapshot> kept, long bytesFreed) {
    public PruneResult {
      removed = List.copyOf(removed);
      kept = List.copyOf(kept);
    }
  }

  /**
   * Removes the snapshots {@code selection} selects, except those in use or being built.
   *
   * @throws IllegalStateException when the store was opened {@linkplain #openReadOnly read-only}
   */
  public PruneResult prune(SnapshotPrune selection) throws IOException {
    Objects.requireNonNull(selection, "selection");
    if (readOnly) {
      throw new IllegalStateException("the snapshot store " + store.root() + " was opened read-only"
          + " (SnapshotStoreAdmin.openReadOnly), so nothing can be pruned: open it with SnapshotStoreAdmin.open");
    }
    List<StoreHousekeeping.Outcome> outcomes = select(selection);
    List<StoredSnapshot> removed = new ArrayList<>();
    List<StoredSnapshot> kept = new ArrayList<>();
    long freed = 0;
    for (StoreHousekeeping.Outcome o : outcomes) {
      if (o.removed()) {
        removed.add(describe(o.entry(), false));
        freed += o.entry().size();
      } else {
        kept.add(describe(o.entry(), true));
      }
    }
    return new PruneResult(removed, kept, freed);
  }

  private List<StoreHousekeeping.Outcome> select(SnapshotPrune selection) throws IOException {
    if (selection instanceof SnapshotPrune.ToBudget b) {
      return StoreHousekeeping.toBudget(store, b.bytes(), Optional.empty());
    }
    if (selection instanceof SnapshotPrune.Superseded) {
      return StoreHousekeeping.superseded(store);
    }
    if (selection instanceof SnapshotPrune.UnusedFor u) {
      Instant before = Instant.now().minus(u.age());
      return StoreHousekeeping.matching(store, e -> e.lastUsed().isBefore(before), "not used for " + u.age());
    }
    if (selection instanceof SnapshotPrune.OfService o) {
      return StoreHousekeeping.matching(store,
          e -> e.key().map(k -> k.serviceClass().equals(o.serviceClass())).orElse(false),
          "all snapshots of " + o.serviceClass() + " were pruned");
    }
    return StoreHousekeeping.matching(store, e -> true, "all snapshots were pruned");
  }

  private StoredSnapshot describe(StoreEntry e) throws IOException {
    if (!readOnly) {
      return describe(e, store.inUse(e.directory()));
    }
    Optional<Boolean> inUse = store.inUseIfKnown(e.directory());
    return describe(e, inUse.isEmpty() ? StoredSnapshot.Use.UNKNOWN : use(inUse.get()));
  }

  private static StoredSnapshot describe(StoreEntry e, boolean inUse) {
    return describe(e, use(inUse));
  }

  private static StoredSnapshot.Use use(boolean inUse) {
    return inUse ? StoredSnapshot.Use.IN_USE : StoredSnapshot.Use.NOT_IN_USE;
  }

  private static StoredSnapshot describe(StoreEntry e, StoredSnapshot.Use use) {
    return new StoredSnapshot(e.directory(), e.key().map(k -> k.serviceClass()),
        e.key().map(k -> k.summary()).orElse(""), e.size(), e.created(), e.lastUsed(), use, e.problem());
  }

  @Override
  public String toString() {
    return "SnapshotStoreAdmin[" + store.root() + "]";
  }
}
