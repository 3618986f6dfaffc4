package dev.lifecycle.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.runtime.web.PortProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
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
    volatile HttpServer server;
    volatile Process child;

    void listenLater(int port, long delayMillis) {
      Thread starter = new Thread(() -> {
        try {
          Thread.sleep(delayMillis);
          HttpServer started = HttpServer.create(new InetSocketAddress(port), 0);
          started.start();
          server = started;
        } catch (InterruptedException | IOException e) {
          events.add("failed: " + e);
        }
      });
      starter.setDaemon(true);
      starter.start();
    }

    void startChild() throws IOException {
      child = new ProcessBuilder("sleep", "60").start();
    }

    void stopServer() {
      if (server != null) {
        server.stop(0);
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
        .hasMessageContaining("Proxy failed to start: waited too long for port " + port
            + " to start accepting connections")
        .hasMessageContaining("startup timeout of 300 ms")
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
}
