package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Runs in a child JVM that the signal tests stop with SIGTERM or SIGINT. It writes what ran to
 * the file named by {@code lifecycle.it.journal}, prints markers the test waits for, and can
 * block its enter hook, its call or its exit hook until the test creates the file named by
 * {@code lifecycle.it.proceed}: so the test, not a sleep, decides when a signal arrives.
 */
@Service
public class SignalService {

  @Enter
  void enter() {
    append("enter");
    if (Boolean.getBoolean("lifecycle.it.blockEnter")) {
      marker("ENTERING");
      awaitProceed();
    }
  }

  @Method
  public String work() {
    append("call-start");
    marker("CALLING");
    awaitProceed();
    append("call-end");
    return "done";
  }

  @Exit
  void exit() throws InterruptedException {
    append("exit-start");
    marker("EXITING");
    if (Boolean.getBoolean("lifecycle.it.blockExit")) {
      awaitProceed();
    }
    Thread.sleep(Long.getLong("lifecycle.it.exitPauseMillis", 0));
    append("exit-end");
  }

  private static void marker(String text) {
    System.out.println(text);
    System.out.flush();
  }

  private static synchronized void append(String line) {
    try {
      Files.writeString(Path.of(System.getProperty("lifecycle.it.journal")), line + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitProceed() {
    Path proceed = Path.of(System.getProperty("lifecycle.it.proceed"));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(proceed) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        append("interrupted");
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
