package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps a {@link SnapshotStore} within bounds: removes superseded snapshots, the least recently
 * used ones beyond a budget, or those a caller selects. Never waits and never removes a snapshot
 * that is in use (a pool holds its {@link SnapshotLease}) or being built (its build lock is
 * held): those are kept and reported, and a later round takes them.
 */
public final class StoreHousekeeping {

  private static final System.Logger LOG = System.getLogger(StoreHousekeeping.class.getName());

  private StoreHousekeeping() {}

  /** What happened to one snapshot a round selected. */
  public record Outcome(StoreEntry entry, SnapshotStore.Removal removal, String reason) {
    /** Whether the snapshot's files are gone. */
    public boolean removed() {
      return removal == SnapshotStore.Removal.REMOVED || removal == SnapshotStore.Removal.GONE;
    }
  }

  /**
   * The round after {@code created} was stored: the older snapshots it {@linkplain
   * SnapshotKey#supersedes supersedes}, then, beyond {@code budget} bytes, the least recently used
   * others. {@code created} itself is always kept, even when alone it exceeds the budget.
   */
  public static List<Outcome> afterStore(SnapshotStore store, Snapshot created, long budget) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (StoreEntry e : store.entries()) {
      if (e.key().isPresent() && !e.directory().equals(created.directory())
          && created.key().supersedes(e.key().get())
          && e.created().orElse(Instant.MAX).isBefore(created.created())) {
        outcomes.add(remove(store, e, "superseded by " + created.directory().getFileName()
            + " (" + created.key().difference(e.key().get()) + ")"));
      }
    }
    outcomes.addAll(toBudget(store, budget, Optional.of(created.directory())));
    return outcomes;
  }

  /**
   * Removes the least recently used snapshots (unreadable ones first) until the store holds at
   * most {@code budget} bytes, or only what is kept: {@code keep}, those in use, those being built.
   */
  public static List<Outcome> toBudget(SnapshotStore store, long budget, Optional<java.nio.file.Path> keep)
      throws IOException {
    List<StoreEntry> entries = new ArrayList<>(store.entries());
    long total = entries.stream().mapToLong(StoreEntry::size).sum();
    entries.sort(Comparator.<StoreEntry, Boolean>comparing(e -> e.problem().isEmpty())
        .thenComparing(StoreEntry::lastUsed));
    List<Outcome> outcomes = new ArrayList<>();
    for (StoreEntry e : entries) {
      if (total <= budget) {
        break;
      }
      if (keep.isPresent() && keep.get().equals(e.directory())) {
        continue;
      }
      Outcome outcome = remove(store, e, "the store holds " + total + " bytes, over its budget of "
          + budget + "; this one was used least recently (" + e.lastUsed() + ")");
      if (outcome.removed()) {
        total -= e.size();
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Removes every snapshot that a newer one in the store {@linkplain SnapshotKey#supersedes
   * supersedes}, and those whose manifest cannot be read.
   */
  public static List<Outcome> superseded(SnapshotStore store) throws IOException {
    List<StoreEntry> entries = store.entries();
    List<Outcome> outcomes = new ArrayList<>();
    for (StoreEntry e : entries) {
      if (e.key().isEmpty()) {
        outcomes.add(remove(store, e, "it is unusable: " + e.problem().orElse("no key")));
        continue;
      }
      Optional<StoreEntry> newer = entries.stream()
          .filter(f -> f.key().isPresent() && f.key().get().supersedes(e.key().get())
              && f.created().orElseThrow().isAfter(e.created().orElseThrow()))
          .max(Comparator.comparing(f -> f.created().orElseThrow()));
      if (newer.isPresent()) {
        outcomes.add(remove(store, e, "superseded by " + newer.get().directory().getFileName()
            + " (" + newer.get().key().get().difference(e.key().get()) + ")"));
      }
    }
    return outcomes;
  }

  /** Removes every snapshot {@code selected} accepts, for {@code reason}. */
  public static List<Outcome> matching(SnapshotStore store, Predicate<StoreEntry> selected, String reason)
      throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (StoreEntry e : store.entries()) {
      if (selected.test(e)) {
        outcomes.add(remove(store, e, reason));
      }
    }
    return outcomes;
  }

  private static Outcome remove(SnapshotStore store, StoreEntry e, String reason) throws IOException {
    SnapshotStore.Removal removal = store.remove(e.directory(), reason);
    if (removal == SnapshotStore.Removal.IN_USE || removal == SnapshotStore.Removal.BEING_BUILT) {
      LOG.log(System.Logger.Level.DEBUG, () -> "kept snapshot " + e.directory() + " ("
          + removal.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") although " + reason);
    }
    return new Outcome(e, removal, reason);
  }
}
