package dev.lifecycle.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.internal.PortProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code @WebServer} methods: called after the enter hooks, their port waited for. */
class WebServerTest {

  /** Starts a server of its own, after a delay, like one that loads something first. */
  static final class OwnServer {
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile LateServer server;

    void serveLater(int port, long delayMillis) {
      events.add("serve");
      server = LateServer.start(port, delayMillis, "own server", events);
    }

    void stop() {
      events.add("exit");
      if (server != null) {
        server.stop();
      }
    }
  }

  private static HandDispatcher.Builder<OwnServer> service(List<OwnServer> created) {
    return HandDispatcher.of(OwnServer.class, () -> {
          OwnServer service = new OwnServer();
          created.add(service);
          return service;
        })
        .enter("load", service -> service.events.add("enter"))
        .exit("stop", OwnServer::stop);
  }

  @Test
  void theMethodIsCalledAfterTheEnterHooksAndTheStartWaitsForItsPort() {
    int port = Http.freePort();
    List<OwnServer> created = new CopyOnWriteArrayList<>();
    try (Container<OwnServer> container = service(created)
        .webServer("serve", port, Duration.ofSeconds(10), service -> service.serveLater(port, 300))
        .start()) {

      assertThat(PortProbe.accepts(port)).as("ready when start() returns").isTrue();
      assertThat(container.instance().events).containsExactly("enter", "serve");
      assertThat(Http.get(URI.create("http://127.0.0.1:" + port + "/"), "/").body())
          .isEqualTo("own server");
      assertThat(container.webAddress()).as("clients use the method's own port").isEmpty();
    }
    assertThat(created.get(0).events).containsExactly("enter", "serve", "exit");
  }

  @Test
  void aPortThatNeverOpensFailsTheStartNamingMethodAndPortAndRunsTheExitHooks() {
    int port = Http.freePort();
    List<OwnServer> created = new CopyOnWriteArrayList<>();
    HandDispatcher.Builder<OwnServer> never = service(created)
        .webServer("serve", port, Duration.ofMillis(300), service -> service.events.add("serve"));

    assertThatThrownBy(never::start)
        .isInstanceOf(ContainerStartException.class)
        .hasMessageStartingWith("Waited too long (300 ms) for port " + port
            + " to start accepting connections")
        .hasMessageContaining("@WebServer(port = " + port + ") serve()")
        .hasMessageContaining("@WebServer(startupTimeoutSeconds)");
    assertThat(created.get(0).events).containsExactly("enter", "serve", "exit");
  }

  @Test
  void aMethodThatThrowsFailsTheStartAndRunsTheExitHooks() {
    int port = Http.freePort();
    List<OwnServer> created = new CopyOnWriteArrayList<>();
    HandDispatcher.Builder<OwnServer> throwing = service(created)
        .webServer("serve", port, Duration.ofSeconds(5), service -> {
          throw new IOException("no config");
        });

    assertThatThrownBy(throwing::start)
        .isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("@WebServer(port = " + port + ") serve() threw java.io.IOException: no config")
        .hasCauseInstanceOf(IOException.class);
    assertThat(created.get(0).events).containsExactly("enter", "exit");
  }

  @Test
  void aPortTakenBeforeTheMethodRunsFailsTheStart() throws IOException {
    List<OwnServer> created = new CopyOnWriteArrayList<>();
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      HandDispatcher.Builder<OwnServer> clash = service(created)
          .webServer("serve", port, Duration.ofSeconds(5), service -> service.events.add("serve"));

      assertThatThrownBy(clash::start)
          .isInstanceOf(ContainerStartException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("already accepted connections before the method was called");
      assertThat(created.get(0).events).containsExactly("enter", "exit");
    }
  }
}
