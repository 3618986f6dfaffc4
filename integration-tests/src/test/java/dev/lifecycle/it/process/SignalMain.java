package dev.lifecycle.it.process;

import dev.lifecycle.it.services.SignalService;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of the signal tests: starts a container of {@link SignalService}, prints READY,
 * then does what its argument says until a signal ends the JVM.
 *
 * <ul>
 *   <li>{@code idle}: nothing;
 *   <li>{@code call}: one call of {@code work()} in flight;
 *   <li>{@code close-on-input}: closes the container when a line arrives on stdin, then returns.
 * </ul>
 */
public final class SignalMain {

  private SignalMain() {}

  public static void main(String[] args) throws Exception {
    if (Boolean.getBoolean("lifecycle.it.reportHookWaiting")) {
      Runtime.getRuntime().addShutdownHook(new Thread(SignalMain::reportContainerHookWaiting));
    }
    // Phase changes go to stdout, so the test can act at the right moment instead of sleeping.
    Container<SignalService> container =
        Container.builder(SignalService.class)
            .listener(ContainerListener.onPhase(event -> {
              System.out.println("PHASE " + event.phase());
              System.out.flush();
            }))
            .start();
    System.out.println("READY");
    System.out.flush();
    switch (args[0]) {
      case "idle" -> new CountDownLatch(1).await();
      case "call" -> {
        Thread caller = new Thread(() -> System.out.println("RESULT " + container.call("work")));
        caller.start();
        new CountDownLatch(1).await();
      }
      case "close-on-input" -> {
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        container.close();
        System.out.println("CLOSED");
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /**
   * Prints CONTAINER-HOOK-WAITING once the container's shutdown hook waits for a stop that
   * another thread runs, so the test knows the two really overlap. (The runtime's own log line
   * is no use here: java.util.logging resets itself in a shutdown hook of its own.)
   */
  private static void reportContainerHookWaiting() {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Thread hook = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().startsWith("lifecycle-shutdown-"))
          .findFirst()
          .orElse(null);
      if (hook != null && hook.getState() == Thread.State.WAITING) {
        System.out.println("CONTAINER-HOOK-WAITING");
        System.out.flush();
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
