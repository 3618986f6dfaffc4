package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static dev.lifecycle.runtime.HandDispatcher.param;

import java.util.concurrent.CountDownLatch;

/**
 * A container with one endpoint in a JVM of its own, for {@code SlowClientTest}, which starts it
 * with a short request-time bound: prints {@code WEB <address>}, then serves until it is killed.
 */
public final class SlowClientServerMain {

  private SlowClientServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Container<Object> container = HandDispatcher.of(Object.class, Object::new)
        .endpoint("POST", "/echo", method("echo", String.class, param("text", String.class)),
            (service, arguments) -> arguments[0])
        .start();
    System.out.println("WEB " + container.webAddress().orElseThrow());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
