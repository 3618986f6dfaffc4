package dev.lifecycle.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code lifecycle} command: {@code doctor}, {@code snapshots list|verify|prune}, {@code
 * install-criu} and {@code run}. Run it as {@code java -jar lifecycle-cli-<version>-all.jar
 * COMMAND}, or with the {@code lifecycle} script beside the jar.
 *
 * <p>Exit codes: 0 done (for {@code doctor}: no check failed), 1 failed (a check, a broken
 * snapshot, an error), 2 a wrong command line.
 */
public final class Lifecycle {

  static final String USAGE = String.join("\n",
      "usage: lifecycle COMMAND [options]",
      "  doctor [--store PATH] [--criu PATH] [--budget SIZE]",
      "                      checks what memory snapshots need here, one line each with the fix",
      "  snapshots list|verify|prune [--store PATH] ...",
      "                      the snapshot store: its snapshots, their integrity, removing old ones",
      "  install-criu [--prefix DIR] [--print-path] | --print",
      "                      installs a working CRIU (as root), or prints the script that does",
      "  run SERVICE_CLASS --classpath CP [--store PATH] [--ready-file PATH] [--port N] ...",
      "                      one container as this process's main program (a pod's, a unit's)",
      "  help [COMMAND]      this text, or a command's options");

  private Lifecycle() {}

  /** Runs the command {@code args} name and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one command; its report goes to {@code out}, errors to {@code err}. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      if (args.isEmpty()) {
        throw new UsageException("lifecycle: say which command to run\n" + USAGE);
      }
      List<String> rest = args.subList(1, args.size());
      switch (args.get(0)) {
        case "doctor":
          return doctor(rest, out);
        case "snapshots":
          return SnapshotsCommand.run(rest, out);
        case "install-criu":
          return InstallCriuCommand.run(rest, out);
        case "run":
          return RunCommand.run(rest, out, err);
        case "help":
        case "--help":
        case "-h":
          out.println(help(rest));
          return 0;
        default:
          throw new UsageException("lifecycle: unknown command \"" + args.get(0) + "\"\n" + USAGE);
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      err.println("lifecycle " + args.get(0) + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("lifecycle " + args.get(0) + ": interrupted");
      return 1;
    } catch (RuntimeException e) {
      // A container that failed to start (ContainerStartException, WorkerLaunchException) says why.
      err.println("lifecycle " + args.get(0) + ": " + e);
      return 1;
    }
  }

  private static String help(List<String> topic) {
    if (topic.isEmpty()) {
      return USAGE;
    }
    switch (topic.get(0)) {
      case "doctor":
        return DOCTOR_USAGE;
      case "snapshots":
        return SnapshotsCommand.USAGE;
      case "install-criu":
        return InstallCriuCommand.USAGE;
      case "run":
        return RunCommand.USAGE;
      default:
        return USAGE;
    }
  }

  static final String DOCTOR_USAGE = String.join("\n",
      "usage: lifecycle doctor [--store PATH] [--criu PATH] [--budget SIZE]",
      "  Checks criu (found as pools find it: LIFECYCLE_CRIU, .tools/criu, the machine-wide install,",
      "  PATH), its version, `criu check`, privileges, pid namespaces, criu's kernel cache, userfaultfd,",
      "  and the snapshot store (private, writable, room for its budget). Exit code 1 if a check fails.",
      "  --store   the store to check (default: the pools' default store)",
      "  --criu    check this criu instead of the one pools would find",
      "  --budget  the store's budget to check the free space against (default: the pools' default)");

  private static int doctor(List<String> args, PrintStream out) throws UsageException, InterruptedException {
    String command = "lifecycle doctor";
    Arguments a = Arguments.parse(args, command, Set.of("store", "criu", "budget"), Set.of());
    if (!a.positional().isEmpty()) {
      throw new UsageException(command + ": unexpected argument \"" + a.positional().get(0) + "\"\n" + DOCTOR_USAGE);
    }
    Optional<Path> criu = a.value("criu", command).map(Path::of);
    Path store = a.value("store", command).map(Path::of).orElse(dev.lifecycle.pool.SnapshotStoreAdmin.defaultRoot());
    long budget;
    if (a.value("budget", command).isPresent()) {
      budget = Sizes.size(a.value("budget", command).get(), "--budget");
    } else {
      try {
        budget = Doctor.defaultBudget();
      } catch (IllegalArgumentException e) {
        throw new UsageException(command + ": " + e.getMessage());
      }
    }
    return new Doctor(criu, store, budget, HostFacts.ofThisProcess()).run(out);
  }
}
