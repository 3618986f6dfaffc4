package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.runtime.internal.OneLineLogs;
import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.WireMessage.Hello;
import dev.lifecycle.pool.internal.protocol.WireMessage.HookRef;
import dev.lifecycle.pool.internal.protocol.WireMessage.Ready;
import dev.lifecycle.pool.internal.protocol.WireMessage.StartFailed;
import dev.lifecycle.pool.internal.protocol.WorkerTokens;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerBuilder;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.spi.ServiceOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;

/**
 * The main class of a worker JVM: hosts one container of one service for a supervisor ({@code
 * dev.lifecycle.pool.ContainerPool}), which starts it with {@link WorkerArguments}.
 *
 * <p>It connects to the supervisor's Unix domain socket, says hello, starts the container (the
 * listener forwards every phase change and hook run; the checkpoint engine lets the supervisor
 * snapshot the process at the snapshot point), reports {@code Ready} or {@code StartFailed}, then
 * serves calls until told to stop. A lost connection counts as a stop: the exit hooks run and the
 * JVM exits, so a worker never outlives its supervisor. SIGTERM and SIGINT stop the container
 * through its shutdown hook, running the exit hooks once.
 *
 * <p>Exit codes: 0 after a stop, 1 when the container did not start, 2 for bad arguments, 3 when
 * the supervisor cannot be reached.
 */
public final class WorkerMain {

  static {
    // Its lines reach the supervisor's log, one by one: one line per message, the service's too,
    // so that the supervisor reads each one's level.
    OneLineLogs.applyToTheWholeJvmUnlessConfigured();
  }

  private static final System.Logger LOG = System.getLogger(WorkerMain.class.getName());

  private WorkerMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    WorkerArguments arguments;
    try {
      arguments = WorkerArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("Lifecycle worker: " + e.getMessage());
      return 2;
    }
    String token = System.getenv(WorkerTokens.ENVIRONMENT_VARIABLE);
    if (token == null || token.isBlank()) {
      System.err.println("Lifecycle worker: " + WorkerTokens.ENVIRONMENT_VARIABLE + " is not set;"
          + " the worker JVM is started by a Lifecycle supervisor, not by hand");
      return 2;
    }
    WorkerSession session = new WorkerSession();
    SupervisorLink link = new SupervisorLink(session::onMessage, session::onLost);
    session.link(link);
    if (!arguments.replay()) {
      // A replay talks to its supervisor only as the container its restore state names.
      try {
        link.attach(arguments.socketPath(),
            new Hello(arguments.containerId(), ProcessHandle.current().pid(), false, token));
      } catch (IOException e) {
        LOG.log(Level.ERROR, "Lifecycle worker " + arguments.containerId() + " exits: " + e.getMessage());
        return 3;
      }
    }

    Container<?> container;
    try {
      container = start(Class.forName(arguments.serviceClass()), arguments, link, token);
    } catch (ContainerStartException e) {
      link.send(new StartFailed(RemoteError.of(RemoteError.Kind.USER, e),
          e.failedHook().map(h -> new HookRef(h.index(), h.phase().name(), h.declaringClass(),
              h.methodName())).orElse(null)));
      link.close();
      return 1;
    } catch (ContainerStoppingException e) {
      // The JVM began to shut down while the enter hooks ran; the exit hooks ran instead.
      link.close();
      return 0;
    } catch (ClassNotFoundException e) {
      link.send(new StartFailed(RemoteError.of(RemoteError.Kind.INTERNAL, new IllegalArgumentException(
          "Service class " + arguments.serviceClass() + " is not on the worker's class path ("
              + System.getProperty("java.class.path") + "); give the pool the class path that holds"
              + " it and its generated dispatcher", e)), null));
      link.close();
      return 1;
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "Lifecycle worker " + arguments.containerId() + " could not start", e);
      link.send(new StartFailed(RemoteError.of(RemoteError.Kind.INTERNAL, e), null));
      link.close();
      return 1;
    }
    ServiceOptions options = container.options();
    // Without method references: a restored clone would link them after its restore.
    SnapshotOutcome outcome = container.snapshotOutcome().orElse(null);
    URI webAddress = container.webAddress().orElse(null);
    session.started(container, new Ready(outcome == null ? "" : outcome.toString(),
        options.maxConcurrentInputs(), options.inputTimeout().toMillis(),
        options.exitGracePeriod().toMillis(), webAddress == null ? null : webAddress.toString()));
    return session.awaitEnd();
  }

  private static <T> Container<T> start(Class<T> serviceClass, WorkerArguments arguments,
      SupervisorLink link, String token) {
    ContainerBuilder<T> builder = Container.builder(serviceClass)
        .id(arguments.containerId())
        .checkpointEngine(new WorkerCheckpointEngine(link, arguments, token))
        .listener(new EventForwarder(link))
        .shutdownHook(true);
    arguments.maxConcurrentInputs().ifPresent(builder::maxConcurrentInputs);
    arguments.inputTimeout().ifPresent(builder::inputTimeout);
    arguments.exitGracePeriod().ifPresent(builder::exitGracePeriod);
    // Checked and set by the container before its constructor's first hook, in this process, so
    // the snap hooks see them; a clone restored from the image has them in memory.
    builder.parameters(arguments.parameters());
    return builder.start();
  }
}
