package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code @WebApp}s, and how the web frontend starts and fails to. */
class WebAppTest {

  static final class Site {
    final List<String> events = new CopyOnWriteArrayList<>();

    HttpHandler app() {
      return exchange -> {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/boom")) {
          throw new IOException("the app broke");
        }
        if (path.equals("/silent")) {
          return; // no response at all
        }
        byte[] body = ("app saw " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      };
    }
  }

  private static HandDispatcher.Builder<Site> site() {
    return HandDispatcher.of(Site.class, Site::new)
        .enter("open", site -> site.events.add("enter"))
        .exit("close", site -> site.events.add("exit"));
  }

  @Test
  void theAppServesEveryPathThatNoEndpointTakes() {
    try (Container<Site> container = site()
        .endpoint("GET", "/health", method("health", String.class), (site, args) -> "fine")
        .app("app", Site::app)
        .start()) {
      URI base = container.webAddress().orElseThrow();

      HttpResponse<String> deep = Http.get(base, "/any/deep/path?x=1");
      HttpResponse<String> post = Http.post(base, "/submit", "data");
      HttpResponse<String> health = Http.get(base, "/health");

      assertThat(deep.statusCode()).isEqualTo(200);
      assertThat(deep.body()).isEqualTo("app saw GET /any/deep/path?x=1");
      assertThat(post.body()).isEqualTo("app saw POST /submit");
      assertThat(JsonBodies.json(health).asText()).isEqualTo("fine");
    }
  }

  @Test
  void aHandlerThatThrowsOrDoesNotRespondIs500AndTheAppKeepsServing() {
    try (Container<Site> container = site().app("app", Site::app).start()) {
      URI base = container.webAddress().orElseThrow();

      HttpResponse<String> boom = Http.get(base, "/boom");
      HttpResponse<String> silent = Http.get(base, "/silent");

      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(JsonBodies.error(boom)).contains("@WebApp app()", "java.io.IOException: the app broke");
      assertThat(silent.statusCode()).isEqualTo(500);
      assertThat(JsonBodies.error(silent)).contains("returned without sending a response");
      assertThat(Http.get(base, "/fine").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAppMethodThatReturnsNullFailsTheStartAndRunsTheExitHooks() {
    List<Site> created = new CopyOnWriteArrayList<>();
    HandDispatcher.Builder<Site> nullApp = HandDispatcher.of(Site.class, () -> {
          Site site = new Site();
          created.add(site);
          return site;
        })
        .exit("close", site -> site.events.add("exit"))
        .app("app", site -> null);

    assertThatThrownBy(nullApp::start)
        .isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("@WebApp app()")
        .hasMessageContaining("returned null instead of a com.sun.net.httpserver.HttpHandler")
        .hasMessageContaining("The exit hooks ran");
    assertThat(created.get(0).events).containsExactly("exit");
  }

  @Test
  void anAppMethodThatThrowsFailsTheStart() {
    HandDispatcher.Builder<Site> throwing = site().app("app", site -> {
      throw new IllegalStateException("no routes");
    });

    assertThatThrownBy(throwing::start)
        .isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("@WebApp app() threw java.lang.IllegalStateException: no routes")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aWebPortThatIsTakenFailsTheStartNamingThePortAndRunsTheExitHooks() throws IOException {
    List<Site> created = new CopyOnWriteArrayList<>();
    try (ServerSocket taken = new ServerSocket(0)) {
      HandDispatcher.Builder<Site> builder = HandDispatcher.of(Site.class, () -> {
            Site site = new Site();
            created.add(site);
            return site;
          })
          .exit("close", site -> site.events.add("exit"))
          .app("app", Site::app);

      assertThatThrownBy(() -> builder.container().webPort(taken.getLocalPort()).start())
          .isInstanceOf(ContainerStartException.class)
          .hasMessageContaining("could not listen on 127.0.0.1 port " + taken.getLocalPort())
          .hasMessageContaining("ContainerBuilder.webPort");
      assertThat(created.get(0).events).containsExactly("exit");
    }
  }

  @Test
  void aConfiguredPortAndBindAddressAreUsed() throws IOException {
    int port = Http.freePort();
    try (Container<Site> container = site().app("app", Site::app).container()
        .webPort(port)
        .webBindAddress(java.net.InetAddress.getByName("0.0.0.0"))
        .start()) {
      URI base = container.webAddress().orElseThrow();

      assertThat(base).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
      assertThat(Http.get(base, "/x").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aServiceWithoutEndpointsOrAppServesNothing() {
    try (Container<Site> container = site().start()) {
      assertThat(container.webAddress()).isEmpty();
    }
  }

  @Test
  void requestsToTheAppAreInputsAndTimeOut() {
    try (Container<Site> container = HandDispatcher.of(Site.class, Site::new)
        .options(1, Duration.ofMillis(300), Duration.ofSeconds(5))
        .app("app", site -> exchange -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })
        .start()) {
      HttpResponse<String> response = Http.get(container.webAddress().orElseThrow(), "/slow");

      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(JsonBodies.error(response)).contains("@WebApp app()", "input timeout of 300 ms");
    }
  }
}
