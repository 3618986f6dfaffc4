package dev.lifecycle.cli;

import dev.lifecycle.pool.SnapshotPrune;
import dev.lifecycle.pool.SnapshotStoreAdmin;
import dev.lifecycle.pool.StoredSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code lifecycle snapshots list|verify|prune}: the snapshot store, from outside a pool. */
final class SnapshotsCommand {

  static final String USAGE = String.join("\n",
      "usage: lifecycle snapshots list   [--store PATH]",
      "       lifecycle snapshots verify [--store PATH]",
      "       lifecycle snapshots prune  [--store PATH] [--superseded] [--service CLASS] [--unused-for AGE]",
      "                                  [--all] [--budget SIZE]",
      "  list     every snapshot, least recently used first: last use, size, service, in use, directory",
      "  verify   hashes every file of every snapshot against its manifest (exit code 1 if one is broken)",
      "           list and verify write nothing: they work on a read-only store (in use then shows ?)",
      "  prune    removes what is selected (with no selection: --superseded, then --budget of the default):",
      "           --superseded  older builds of the same service, options, engine and kernel; unusable ones",
      "           --service C   every snapshot of the service class C",
      "           --unused-for  not looked up for AGE (30m, 12h, 7d)",
      "           --all         everything",
      "           --budget      the least recently used, until the store holds at most SIZE (500m, 2g)",
      "           A snapshot a pool uses or builds now is kept, and listed as kept.",
      "  --store defaults to " + SnapshotStoreAdmin.defaultRoot() + " (the pools' default)");

  private SnapshotsCommand() {}

  static int run(List<String> args, PrintStream out) throws UsageException, IOException {
    if (args.isEmpty()) {
      throw new UsageException("lifecycle snapshots: say list, verify or prune\n" + USAGE);
    }
    String sub = args.get(0);
    String command = "lifecycle snapshots " + sub;
    List<String> rest = args.subList(1, args.size());
    switch (sub) {
      case "list":
      case "verify": {
        Arguments a = Arguments.parse(rest, command, Set.of("store"), Set.of());
        noPositional(a, command);
        Path root = a.value("store", command).map(Path::of).orElse(SnapshotStoreAdmin.defaultRoot());
        if (!Files.exists(root)) { // nothing to look at, and looking creates nothing
          out.println("no snapshot store at " + root + " yet: 0 snapshots");
          return 0;
        }
        // Read-only: looking changes nothing, and works on a read-only mount or another user's store.
        SnapshotStoreAdmin admin = open(a, command, true);
        return sub.equals("list") ? list(admin, out) : verify(admin, out);
      }
      case "prune": {
        Arguments a = Arguments.parse(rest, command, Set.of("store", "service", "unused-for", "budget"),
            Set.of("superseded", "all"));
        noPositional(a, command);
        return prune(open(a, command, false), selections(a, command), out);
      }
      default:
        throw new UsageException("lifecycle snapshots: unknown command \"" + sub + "\"\n" + USAGE);
    }
  }

  private static void noPositional(Arguments a, String command) throws UsageException {
    if (!a.positional().isEmpty()) {
      throw new UsageException(command + ": unexpected argument \"" + a.positional().get(0) + "\"\n" + USAGE);
    }
  }

  private static SnapshotStoreAdmin open(Arguments a, String command, boolean readOnly)
      throws UsageException, IOException {
    Path root = a.value("store", command).map(Path::of).orElse(SnapshotStoreAdmin.defaultRoot());
    try {
      return readOnly ? SnapshotStoreAdmin.openReadOnly(root) : SnapshotStoreAdmin.open(root);
    } catch (IOException e) {
      throw new IOException("the snapshot store " + root + " cannot be opened: " + e.getMessage()
          + " (`lifecycle doctor --store " + root + "` checks it)", e);
    }
  }

  private static int list(SnapshotStoreAdmin admin, PrintStream out) throws IOException {
    List<StoredSnapshot> snapshots = admin.list();
    for (StoredSnapshot s : snapshots) {
      out.printf("%-20s %10s  %-6s  %s  %s%n", s.lastUsed().truncatedTo(ChronoUnit.SECONDS),
          Sizes.human(s.size()), use(s.use()), s.serviceClass().orElse("(unreadable)"),
          s.directory());
      out.println("    " + s.problem().map(p -> "unusable: " + p).orElse(s.keySummary()
          + ", built " + s.created().map(c -> c.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("?")));
    }
    long total = snapshots.stream().mapToLong(StoredSnapshot::size).sum();
    out.println(snapshots.size() + " snapshot" + (snapshots.size() == 1 ? "" : "s") + ", " + Sizes.human(total)
        + ", in " + admin.root() + " (pools' default budget: " + Sizes.human(SnapshotStoreAdmin.defaultBudget()) + ")");
    if (snapshots.stream().anyMatch(s -> s.use() == StoredSnapshot.Use.UNKNOWN)) {
      out.println("in use \"?\": unknown, as this process cannot write the snapshot's use file (a read-only"
          + " mount, another user's store), and only a lock that needs write access sees a pool's");
    }
    return 0;
  }

  private static String use(StoredSnapshot.Use use) {
    switch (use) {
      case IN_USE:
        return "in use";
      case UNKNOWN:
        return "?";
      default:
        return "-";
    }
  }

  private static int verify(SnapshotStoreAdmin admin, PrintStream out) throws IOException {
    int broken = 0;
    List<SnapshotStoreAdmin.Verification> results = admin.verify();
    for (SnapshotStoreAdmin.Verification v : results) {
      StoredSnapshot s = v.snapshot();
      if (v.intact()) {
        out.println("OK      " + s.directory() + " (" + s.serviceClass().orElse("?") + ", " + Sizes.human(s.size()) + ")");
      } else {
        broken++;
        out.println("BROKEN  " + s.directory() + ": " + v.problem().get());
      }
    }
    out.println(results.size() + " snapshot" + (results.size() == 1 ? "" : "s") + " verified, " + broken
        + " broken" + (broken == 0 ? "" : ": a pool discards and rebuilds a broken one when it looks it up;"
        + " `lifecycle snapshots prune --superseded` removes those without a readable manifest, `--service"
        + " CLASS` the rest"));
    return broken == 0 ? 0 : 1;
  }

  private static List<SnapshotPrune> selections(Arguments a, String command) throws UsageException {
    List<SnapshotPrune> selections = new ArrayList<>();
    if (a.flag("superseded")) {
      selections.add(new SnapshotPrune.Superseded());
    }
    for (String service : a.values("service")) {
      selections.add(new SnapshotPrune.OfService(service));
    }
    if (a.value("unused-for", command).isPresent()) {
      selections.add(new SnapshotPrune.UnusedFor(Sizes.duration(a.value("unused-for", command).get(), "--unused-for")));
    }
    if (a.flag("all")) {
      selections.add(new SnapshotPrune.Everything());
    }
    if (a.value("budget", command).isPresent()) {
      selections.add(new SnapshotPrune.ToBudget(Sizes.size(a.value("budget", command).get(), "--budget")));
    }
    if (selections.isEmpty()) {
      selections.add(new SnapshotPrune.Superseded());
      try {
        selections.add(new SnapshotPrune.ToBudget(SnapshotStoreAdmin.defaultBudget()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(command + ": " + e.getMessage());
      }
    }
    return selections;
  }

  private static int prune(SnapshotStoreAdmin admin, List<SnapshotPrune> selections, PrintStream out)
      throws IOException {
    long freed = 0;
    int removed = 0;
    List<Path> kept = new ArrayList<>();
    for (SnapshotPrune selection : selections) {
      SnapshotStoreAdmin.PruneResult result = admin.prune(selection);
      for (StoredSnapshot s : result.removed()) {
        out.println("removed " + s.directory() + " (" + s.serviceClass().orElse("unreadable") + ", "
            + Sizes.human(s.size()) + ")");
      }
      for (StoredSnapshot s : result.kept()) {
        if (!kept.contains(s.directory())) {
          kept.add(s.directory());
          out.println("kept    " + s.directory() + " (" + s.serviceClass().orElse("?")
              + "): a pool uses or builds it now");
        }
      }
      freed += result.bytesFreed();
      removed += result.removed().size();
    }
    out.println("removed " + removed + " snapshot" + (removed == 1 ? "" : "s") + ", freed " + Sizes.human(freed)
        + "; " + Sizes.human(admin.totalSize()) + " left in " + admin.root());
    return 0;
  }
}
