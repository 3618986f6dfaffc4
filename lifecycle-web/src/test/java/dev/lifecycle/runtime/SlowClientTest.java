package dev.lifecycle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that sends half a request does not hold its connection for ever: the web frontend
 * closes it once the request has not arrived whole within the bound (120 s unless configured;
 * 2 s in the JVM this test starts, as the bound is read once per JVM).
 */
class SlowClientTest {

  @Test
  void theFrontendSetsItsRequestTimeBoundUnlessTheApplicationDid() {
    try (Container<Object> container = HandDispatcher.of(Object.class, Object::new)
        .endpoint("POST", "/ping", HandDispatcher.method("ping", String.class), (s, a) -> "pong")
        .start()) {
      assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("120");
    }
  }

  @Test
  void halfARequestIsClosedOnceTheBoundHasPassed() throws Exception {
    Process server = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsun.net.httpserver.maxReqTime=2", "-cp", System.getProperty("java.class.path"),
        SlowClientServerMain.class.getName())).redirectErrorStream(true).start();
    try {
      BufferedReader output = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = output.readLine();
      } while (line != null && !line.startsWith("WEB "));
      assertThat(line).as("the server's address").isNotNull();
      URI web = URI.create(line.substring("WEB ".length()));

      try (Socket client = new Socket(web.getHost(), web.getPort())) {
        client.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
            + "\r\n{\"text\": ").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        client.setSoTimeout(20_000);
        long start = System.nanoTime();

        assertThat(client.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
      }
    } finally {
      server.destroyForcibly().waitFor();
    }
  }
}
