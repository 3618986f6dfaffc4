package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.process.ChildJvm;
import dev.lifecycle.it.process.SignalMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: exit hooks run exactly once whoever stops the container, also when the JVM is told to
 * terminate. Every test runs {@link SignalMain} in a real child JVM and sends it real signals.
 */
class ShutdownSignalTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path directory;

  @Test
  void exitHooksRunOnceOnSigterm() throws Exception {
    try (ChildJvm child = start(Map.of(), "idle")) {
      child.awaitLine("READY", WAIT);
      child.terminate();

      assertThat(child.awaitExit(WAIT)).isEqualTo(143);
      assertThat(journal()).containsExactly("enter", "exit-start", "exit-end");
    }
  }

  @Test
  void exitHooksRunOnceOnSigint() throws Exception {
    try (ChildJvm child = start(Map.of(), "idle")) {
      child.awaitLine("READY", WAIT);
      child.signal("INT");

      assertThat(child.awaitExit(WAIT)).isEqualTo(130);
      assertThat(journal()).containsExactly("enter", "exit-start", "exit-end");
    }
  }

  @Test
  void onSigintACallInFlightFinishesBeforeTheExitHooksRun() throws Exception {
    try (ChildJvm child = start(Map.of(), "call")) {
      child.awaitLine("CALLING", WAIT);
      child.signal("INT");
      child.awaitLine("PHASE STOPPING", WAIT);
      proceed();

      child.awaitExit(WAIT);
      assertThat(journal()).containsExactly("enter", "call-start", "call-end", "exit-start", "exit-end");
      assertThat(child.output()).contains("RESULT done");
    }
  }

  @Test
  void exitHooksRunOnceWhenCloseAndSigtermCoincide() throws Exception {
    // The exit hook takes a moment, so that whichever of the two comes second finds it running.
    try (ChildJvm child = start(Map.of("lifecycle.it.exitPauseMillis", "500"), "close-on-input")) {
      child.awaitLine("READY", WAIT);
      child.writeLine("close");
      child.terminate();

      child.awaitExit(WAIT);
      assertThat(journal()).containsExactly("enter", "exit-start", "exit-end");
    }
  }

  @Test
  void aSigtermWhileCloseRunsTheExitHooksWaitsForThemInsteadOfRunningThemAgain() throws Exception {
    try (ChildJvm child = start(Map.of("lifecycle.it.blockExit", "true", "lifecycle.it.reportHookWaiting", "true"), "close-on-input")) {
      child.awaitLine("READY", WAIT);
      child.writeLine("close");
      child.awaitLine("EXITING", WAIT);
      child.terminate();
      child.awaitLine("CONTAINER-HOOK-WAITING", WAIT);
      proceed();

      child.awaitExit(WAIT);
      assertThat(journal()).containsExactly("enter", "exit-start", "exit-end");
    }
  }

  @Test
  void furtherSignalsDoNotInterruptRunningExitHooks() throws Exception {
    try (ChildJvm child = start(Map.of("lifecycle.it.blockExit", "true"), "idle")) {
      child.awaitLine("READY", WAIT);
      child.terminate();
      child.awaitLine("EXITING", WAIT);
      child.signal("INT");
      child.signal("TERM");
      child.signal("INT");
      Thread.sleep(300); // let the signals land; nothing below depends on how long they take

      assertThat(journal()).containsExactly("enter", "exit-start");
      proceed();
      assertThat(child.awaitExit(WAIT)).isEqualTo(143);
      assertThat(journal()).containsExactly("enter", "exit-start", "exit-end");
    }
  }

  @Test
  void aSigtermDuringTheEnterHooksRunsTheExitHooksOnceTheEnterHooksAreDone() throws Exception {
    try (ChildJvm child = start(Map.of("lifecycle.it.blockEnter", "true", "lifecycle.it.reportHookWaiting", "true"), "idle")) {
      child.awaitLine("ENTERING", WAIT);
      child.terminate();
      child.awaitLine("CONTAINER-HOOK-WAITING", WAIT);
      proceed();

      assertThat(child.awaitExit(WAIT)).isEqualTo(143);
      assertThat(journal()).containsExactly("enter", "exit-start", "exit-end");
      assertThat(child.output()).doesNotContain("READY"); // the start did not return a container
    }
  }

  private ChildJvm start(Map<String, String> properties, String mode) throws IOException {
    Map<String, String> all = new HashMap<>(properties);
    all.put("lifecycle.it.journal", directory.resolve("journal.txt").toString());
    all.put("lifecycle.it.proceed", directory.resolve("proceed").toString());
    return ChildJvm.start(SignalMain.class, all, mode);
  }

  private void proceed() throws IOException {
    Files.createFile(directory.resolve("proceed"));
  }

  private List<String> journal() throws IOException {
    Path journal = directory.resolve("journal.txt");
    return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
  }
}
