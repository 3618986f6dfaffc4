package dev.lifecycle.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.Container;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The server pattern: a page fetched through the child process the enter hook started, and the
 * child gone once the container stopped.
 */
class StaticSiteServerTest {

  private static final URI SITE = URI.create("http://127.0.0.1:" + StaticSiteServer.PORT + "/");

  @Test
  void servesThePageThroughTheChildProcessAndReapsItOnStop() throws Exception {
    ProcessHandle child;
    Path site;
    try (Container<StaticSiteServer> container = Container.start(StaticSiteServer.class)) {
      child = container.instance().serverProcess();
      site = container.instance().site();
      assertThat(child.isAlive()).isTrue();
      assertThat(child.parent().map(ProcessHandle::pid)).hasValue(ProcessHandle.current().pid());

      // Ready means listening: the first request is answered, no retries.
      HttpResponse<String> page = get(SITE);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1>Hello from a Lifecycle server</h1>");
      assertThat(get(SITE.resolve("/missing.html")).statusCode()).isEqualTo(404);
    }
    assertThat(child.isAlive()).as("child process after stop").isFalse();
    // Only the exit hook deletes the site: it ran, rather than the container's clean-up of
    // leftover processes stopping the child.
    assertThat(site).doesNotExist();
    assertThatThrownBy(() -> new Socket("127.0.0.1", StaticSiteServer.PORT).close())
        .as("nothing listens on the port any more").isInstanceOf(IOException.class);
  }

  @Test
  void theDemoFetchesThePageAndShowsTheChildGone() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProcessHandle child = ServerDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("is RUNNING; its server is child process " + child.pid())
        .contains("GET " + SITE + " -> 200")
        .contains("<h1>Hello from a Lifecycle server</h1>")
        .contains("Child process " + child.pid() + " still alive: false");
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
