package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static dev.lifecycle.runtime.HandDispatcher.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.web.internal.ExchangeThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A container's web frontend serves a bounded number of requests at once: slow clients that send
 * half a request each hold one thread, and once they hold them all, a new connection is closed
 * without an answer and a warning says so; when they go, the frontend serves again.
 */
class ServerThreadsTest {

  private static final int BOUND = 3;
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger(ExchangeThreads.class.getName());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      warnings.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void bound() {
    System.setProperty(ExchangeThreads.MAX_THREADS, String.valueOf(BOUND));
    log.addHandler(capture);
  }

  @AfterEach
  void unbound() {
    System.clearProperty(ExchangeThreads.MAX_THREADS);
    log.removeHandler(capture);
  }

  @Test
  void slowClientsHoldAtMostTheBoundOfThreadsAndANewConnectionIsClosedWithAWarning()
      throws Exception {
    try (Container<Object> container = HandDispatcher.of(Object.class, Object::new)
        .endpoint("POST", "/echo", method("echo", String.class, param("text", String.class)),
            (service, args) -> args[0])
        .start()) {
      URI web = container.webAddress().orElseThrow();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < BOUND + 2; i++) { // two more than the bound: those are closed
          Socket client = new Socket(web.getHost(), web.getPort());
          slow.add(client);
          client.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          client.getOutputStream().flush();
        }
        awaitTrue(() -> webThreads(container) == BOUND, "the slow clients to hold the threads");
        awaitTrue(() -> !warnings.isEmpty(), "a warning about the connections over the bound");

        Socket refused = new Socket(web.getHost(), web.getPort());
        slow.add(refused);
        refused.getOutputStream().write(request("over the bound"));
        refused.setSoTimeout(10_000);
        assertThat(readOrReset(refused.getInputStream())).as("an answer over the bound").isEqualTo(-1);
        assertThat(webThreads(container)).isEqualTo(BOUND);
        assertThat(warnings.get(0)).contains("The web frontend of container")
            .contains("serves " + BOUND + " requests at once").contains(ExchangeThreads.MAX_THREADS);
      } finally {
        for (Socket client : slow) {
          client.close();
        }
      }

      // Their threads are free again once the slow clients went.
      awaitTrue(() -> answers(web), "the frontend to answer again");
    }
  }

  @Test
  void aBoundThatIsNoNumberIsRefusedWithTheProperty() {
    System.setProperty(ExchangeThreads.MAX_THREADS, "many");
    assertThatThrownBy(() -> HandDispatcher.of(Object.class, Object::new)
        .endpoint("POST", "/echo", method("echo", String.class, param("text", String.class)),
            (service, args) -> args[0])
        .start().close())
        .hasStackTraceContaining("The system property " + ExchangeThreads.MAX_THREADS + " is 'many'")
        .hasStackTraceContaining("a whole number of at least 1");
  }

  private static boolean answers(URI web) {
    try (Socket client = new Socket(web.getHost(), web.getPort())) {
      client.setSoTimeout(5_000);
      client.getOutputStream().write(request("again"));
      byte[] head = client.getInputStream().readNBytes(12);
      return new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] request(String text) {
    String body = "{\"text\": \"" + text + "\"}";
    return ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
  }

  /** -1 for a connection closed without an answer, whether by a FIN or a reset. */
  private static int readOrReset(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (java.net.SocketException reset) {
      return -1;
    }
  }

  private static long webThreads(Container<Object> container) {
    String prefix = "lifecycle-" + container.id() + "-web-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
