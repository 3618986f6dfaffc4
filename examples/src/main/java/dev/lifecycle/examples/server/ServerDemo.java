package dev.lifecycle.examples.server;

import dev.lifecycle.runtime.Container;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Runs {@link StaticSiteServer} in a container of this JVM: starts it (the enter hook launches the
 * child process, the container waits for port 8000), fetches the page, stops it (the exit hook
 * terminates the child) and shows that the child is gone.
 */
public final class ServerDemo {

  private ServerDemo() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}; returns the server's child process, ended by then. */
  static ProcessHandle run(PrintStream out) throws IOException, InterruptedException {
    URI page = URI.create("http://127.0.0.1:" + StaticSiteServer.PORT + "/");
    ProcessHandle child;
    try (Container<StaticSiteServer> container = Container.start(StaticSiteServer.class)) {
      child = container.instance().serverProcess();
      out.println("Container " + container.id() + " is " + container.phase()
          + "; its server is child process " + child.pid() + ", listening on port "
          + StaticSiteServer.PORT);
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
      out.println("GET " + page + " -> " + response.statusCode());
      out.println(response.body().strip());
    }
    out.println("Stopped. Child process " + child.pid() + " still alive: " + child.isAlive());
    return child;
  }
}
