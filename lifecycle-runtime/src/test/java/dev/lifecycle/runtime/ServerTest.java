package dev.lifecycle.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import dev.lifecycle.runtime.internal.PortProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code @Server} classes: port checks around the enter hooks, leftover processes at the stop. */
class ServerTest {

  static final class Proxy {
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile LateServer server;
    volatile Process child;

    void listenLater(int port, long delayMillis) {
      server = LateServer.start(port, delayMillis, "proxied", events);
    }

    void startChild() throws IOException {
      child = new ProcessBuilder("sleep", "60").start();
    }

    void stopServer() {
      if (server != null) {
        server.stop();
      }
    }
  }

  private static HandDispatcher.Builder<Proxy> server(
      int port, Duration startupTimeout, Duration exitGrace, List<Proxy> created) {
    return HandDispatcher.of(Proxy.class, () -> {
          Proxy proxy = new Proxy();
          created.add(proxy);
          return proxy;
        })
        .options(1, Duration.ofSeconds(30), exitGrace)
        .server(port, startupTimeout);
  }

  @Test
  void theStartWaitsUntilThePortAcceptsConnections() {
    int port = Http.freePort();
    List<Proxy> created = new CopyOnWriteArrayList<>();
    try (Container<Proxy> container = server(port, Duration.ofSeconds(10), Duration.ofSeconds(5), created)
        .enter("start", proxy -> proxy.listenLater(port, 300))
        .exit("stop", Proxy::stopServer)
        .start()) {

      assertThat(container.phase()).isEqualTo(Phase.RUNNING);
      assertThat(PortProbe.accepts(port)).isTrue();
    }
    assertThat(PortProbe.accepts(port)).as("the exit hook stopped it").isFalse();
  }

  @Test
  void aPortThatNeverOpensFailsTheStartRunsTheExitHooksAndStopsTheChildProcess() throws Exception {
    int port = Http.freePort();
    List<Proxy> created = new CopyOnWriteArrayList<>();
    HandDispatcher.Builder<Proxy> silent = server(port, Duration.ofMillis(300), Duration.ofSeconds(5), created)
        .enter("start", Proxy::startChild) // a process that never listens
        .exit("stop", proxy -> proxy.events.add("exit"));

    assertThatThrownBy(silent::start)
        .isInstanceOf(ContainerStartException.class)
        .hasMessageStartingWith("Waited too long (300 ms) for port " + port
            + " to start accepting connections: service " + Proxy.class.getCanonicalName()
            + " failed to start")
        .hasMessageContaining("Start the server in an @Enter hook")
        .hasMessageContaining("@Server(startupTimeoutSeconds)");
    Proxy proxy = created.get(0);
    assertThat(proxy.events).containsExactly("exit");
    proxy.child.onExit().get(10, TimeUnit.SECONDS);
    assertThat(proxy.child.isAlive()).isFalse();
  }

  @Test
  void aPortTakenBeforeTheEnterHooksFailsTheStart() throws IOException {
    List<Proxy> created = new CopyOnWriteArrayList<>();
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      HandDispatcher.Builder<Proxy> clash = server(port, Duration.ofSeconds(5), Duration.ofSeconds(5), created)
          .enter("start", proxy -> proxy.events.add("enter"))
          .exit("stop", proxy -> proxy.events.add("exit"));

      assertThatThrownBy(clash::start)
          .isInstanceOf(ContainerStartException.class)
          .hasMessageContaining("port " + port + ", which @Server(port = " + port + ") declares, "
              + "already accepted connections before the @Enter hooks ran")
          .hasMessageContaining("declare a free port")
          .hasMessageContaining("a previous container of the same service that is still stopping")
          .hasMessageContaining("No hook ran.");
      assertThat(created).as("checked before the constructor: no instance, no hook").isEmpty();
    }
  }

  @Test
  void theStopKillsAChildProcessTheExitHooksLeftRunning() throws Exception {
    int port = Http.freePort();
    List<Proxy> created = new CopyOnWriteArrayList<>();
    Process child;
    try (Container<Proxy> container = server(port, Duration.ofSeconds(10), Duration.ofSeconds(5), created)
        .enter("start", proxy -> {
          proxy.startChild();
          proxy.listenLater(port, 0);
        })
        .exit("stop", Proxy::stopServer) // forgets the child
        .start()) {
      child = container.instance().child;
      assertThat(child.isAlive()).isTrue();
    }
    child.onExit().get(10, TimeUnit.SECONDS);
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void exitHooksStillRunningAfterTheGracePeriodHaveTheChildProcessKilled() throws Exception {
    int port = Http.freePort();
    List<Proxy> created = new CopyOnWriteArrayList<>();
    Container<Proxy> container = server(port, Duration.ofSeconds(10), Duration.ofMillis(200), created)
        .enter("start", proxy -> {
          proxy.startChild();
          proxy.listenLater(port, 0);
        })
        .exit("wait", proxy -> {
          proxy.stopServer();
          proxy.events.add("exit code " + proxy.child.waitFor()); // would wait 60 s
        })
        .start();
    long start = System.nanoTime();

    container.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(container.instance().child.isAlive()).isFalse();
    assertThat(container.instance().events).hasSize(1).allMatch(event -> event.startsWith("exit code"));
  }

  @Test
  void theStopSparesProcessesStartedAfterTheEnterPhase() throws Exception {
    int port = Http.freePort();
    List<Proxy> created = new CopyOnWriteArrayList<>();
    Process own;
    Process later = null;
    try {
      try (Container<Proxy> container = server(port, Duration.ofSeconds(10), Duration.ofSeconds(5), created)
          .enter("start", proxy -> {
            proxy.startChild();
            proxy.listenLater(port, 0);
          })
          .exit("stop", Proxy::stopServer) // leaves the child running
          .start()) {
        own = container.instance().child;
        // Someone else's, e.g. a worker JVM of a ContainerPool built after the server started.
        later = new ProcessBuilder("sleep", "60").start();
      }

      own.onExit().get(10, TimeUnit.SECONDS);
      assertThat(own.isAlive()).as("the container's own child is stopped").isFalse();
      assertThat(later.isAlive()).as("a process started after its enter phase is spared").isTrue();
    } finally {
      if (later != null) {
        later.destroyForcibly();
      }
    }
  }

  @Test
  void aRestoredCloneWhosePortIsTakenFailsBeforeItsPostSnapshotHooksAndRunsTheExitHooks()
      throws IOException {
    List<Proxy> created = new CopyOnWriteArrayList<>();
    int port = Http.freePort();
    // Free when the snapshot was taken; by the time this clone is restored, someone holds it.
    CannedEngine restoredWhileTaken = new CannedEngine(SnapshotOutcome.restored("clone 1"), port);
    try {
      HandDispatcher.Builder<Proxy> clone = server(port, Duration.ofSeconds(5), Duration.ofSeconds(5), created)
          .memorySnapshot()
          .snapEnter("warm", proxy -> proxy.events.add("snap"))
          .enter("start", proxy -> proxy.events.add("enter"))
          .exit("stop", proxy -> proxy.events.add("exit"));

      assertThatThrownBy(() -> clone.container().checkpointEngine(restoredWhileTaken).start())
          .isInstanceOf(ContainerStartException.class)
          .hasMessageContaining("port " + port + ", which @Server(port = " + port + ") declares, "
              + "already accepted connections before its post-snapshot @Enter hooks ran")
          .hasMessageContaining("a previous container of the same service that is still stopping")
          .hasMessageContaining("The exit hooks ran.");
      assertThat(created.get(0).events).containsExactly("snap", "exit");
    } finally {
      restoredWhileTaken.close();
    }
  }

  @Test
  void aRefusedCheckpointCarriesOnColdEvenWhenASnapHookOpenedThePort() throws IOException {
    List<Proxy> created = new CopyOnWriteArrayList<>();
    int port = Http.freePort();
    // The checkpoint-safety check refuses a snapshot with a listening socket; no clone exists.
    CannedEngine refusing =
        new CannedEngine(SnapshotOutcome.failed("TCP *:" + port + " (listening) is open"), -1);
    try (Container<Proxy> container = server(port, Duration.ofSeconds(5), Duration.ofSeconds(5), created)
        .memorySnapshot()
        .snapEnter("start too early", proxy -> proxy.listenLater(port, 0))
        .enter("start", proxy -> proxy.events.add("enter"))
        .exit("stop", Proxy::stopServer)
        .container()
        .checkpointEngine(refusing)
        .start()) {

      assertThat(container.phase()).isEqualTo(Phase.RUNNING);
      assertThat(container.snapshotOutcome().orElseThrow().kind()).isEqualTo(SnapshotOutcome.Kind.FAILED);
      assertThat(container.instance().events).containsExactly("enter");
    }
  }

  /**
   * A checkpoint engine that returns one outcome; with a port, it makes that port accept
   * connections at the snapshot point, as another process would.
   */
  private static final class CannedEngine implements CheckpointEngine {
    private final SnapshotOutcome outcome;
    private final int portToTake;
    private ServerSocket holder;

    CannedEngine(SnapshotOutcome outcome, int portToTake) {
      this.outcome = outcome;
      this.portToTake = portToTake;
    }

    @Override
    public String name() {
      return "canned";
    }

    @Override
    public SnapshotOutcome checkpoint(SnapshotPoint point) throws IOException {
      if (portToTake > 0) {
        holder = new ServerSocket(portToTake);
      }
      return outcome;
    }

    void close() throws IOException {
      if (holder != null) {
        holder.close();
      }
    }
  }
}
