package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.FailingEnterService;
import dev.lifecycle.it.services.FailingExitService;
import dev.lifecycle.it.services.Journal;
import dev.lifecycle.it.services.OpenFileAtSnapService;
import dev.lifecycle.it.services.PlainService;
import dev.lifecycle.it.services.SnapshotService;
import dev.lifecycle.junit.ContainerScope;
import dev.lifecycle.junit.LifecycleExtension;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ExitHooksFailedException;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;

/**
 * What the extension does around tests, seen from outside: each fixture below runs in a launcher
 * of its own, and the test checks the journal its service wrote and what JUnit reported.
 */
class LifecycleExtensionTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void aPerClassContainerStartsBeforeTheFirstTestAndRunsItsExitHooksAfterTheLast() {
    TestExecutionSummary summary = Fixtures.run(PerClass.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(Journal.entries()).containsExactly("plain.enter", "test", "test", "plain.exit");
  }

  @Test
  void aPerTestContainerStartsAndStopsAroundEachTest() {
    TestExecutionSummary summary = Fixtures.run(PerTest.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(Journal.entries())
        .containsExactly("plain.enter", "test", "plain.exit", "plain.enter", "test", "plain.exit");
  }

  @Test
  void aFailingExitHookFailsTheTestClass() {
    TestExecutionSummary summary = Fixtures.run(FailingExit.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(failures(summary)).singleElement().isInstanceOf(ExitHooksFailedException.class);
    assertThat(Journal.entries()).contains("exit.flush", "exit.tempdir");
  }

  @Test
  void aFailingEnterHookFailsTheClassAndTheExitHooksStillRun() {
    TestExecutionSummary summary = Fixtures.run(FailingEnter.class);

    assertThat(summary.getTestsStartedCount()).isZero();
    assertThat(failures(summary)).singleElement().isInstanceOf(ContainerStartException.class);
    assertThat(Journal.entries()).containsSubsequence("enter.migrate", "exit.close", "exit.delete");
  }

  @Test
  void aFailedCheckAtTheSimulatedSnapshotFailsTheStartAndStopsTheContainer() {
    TestExecutionSummary summary = Fixtures.run(FailingSnapshotCheck.class);

    assertThat(failures(summary)).singleElement(InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no snapshot for you");
    assertThat(Journal.entries()).containsExactly("snapshot.exit");
  }

  @Test
  void aSnapHookThatLeavesAFileOpenFailsASimulatedSnapshotAsThePoolWouldRefuseIt() {
    TestExecutionSummary summary = Fixtures.run(OpenFileAtSnapshot.class);

    assertThat(failures(summary)).singleElement(InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cannot be checkpointed by a pool")
        .hasMessageContaining("Cannot take a memory snapshot")
        .hasMessageContaining(OpenFileAtSnapService.FILE_PREFIX)
        .hasMessageContaining("post-snapshot hook");
    assertThat(summary.getTestsStartedCount()).isZero();
    assertThat(Journal.entries()).as("the exit hooks ran").containsExactly("openfile.exit");
  }

  @Test
  void whatTheTestJvmHeldBeforeTheContainerStartedDoesNotCount() throws Exception {
    Path file = Files.createTempFile("lifecycle-held-by-the-test-", ".bin");
    try (FileInputStream heldByTheTest = new FileInputStream(file.toFile())) {
      TestExecutionSummary summary = Fixtures.run(CleanSnapshot.class);

      assertThat(failures(summary)).isEmpty();
      assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void simulatingASnapshotOfAServiceWithoutOneIsAConfigurationError() {
    TestExecutionSummary summary = Fixtures.run(SnapshotWithoutSnapshot.class);

    assertThat(failures(summary)).singleElement(InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("enableMemorySnapshot");
    assertThat(Journal.entries()).isEmpty();
  }


  private static List<Throwable> failures(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(Failure::getException).toList();
  }

  @OnlyInLauncher
  @LifecycleTest(PlainService.class)
  static class PerClass {
    @Test
    void one(PlainService service) {
      Journal.write("test");
    }

    @Test
    void two(PlainService service) {
      Journal.write("test");
    }
  }

  @OnlyInLauncher
  @LifecycleTest(value = PlainService.class, scope = ContainerScope.PER_TEST)
  static class PerTest {
    @Test
    void one(PlainService service) {
      Journal.write("test");
    }

    @Test
    void two(PlainService service) {
      Journal.write("test");
    }
  }

  @OnlyInLauncher
  @LifecycleTest(FailingExitService.class)
  static class FailingExit {
    @Test
    void passes(FailingExitService service) {
      assertThat(service.ping()).isEqualTo("pong");
    }
  }

  @OnlyInLauncher
  @LifecycleTest(FailingEnterService.class)
  static class FailingEnter {
    @Test
    void neverRuns() {
      Journal.write("test");
    }
  }

  @OnlyInLauncher
  @LifecycleTest(value = OpenFileAtSnapService.class, simulateSnapshot = true)
  static class OpenFileAtSnapshot {
    @Test
    void neverRuns() {
      Journal.write("test");
    }
  }

  @OnlyInLauncher
  @LifecycleTest(value = SnapshotService.class, simulateSnapshot = true)
  static class CleanSnapshot {
    @Test
    void runs(SnapshotService service) {
      assertThat(service.model).isEqualTo("weights");
    }
  }

  @OnlyInLauncher
  static class FailingSnapshotCheck {
    @RegisterExtension
    static final LifecycleExtension SERVICE =
        LifecycleExtension.forService(SnapshotService.class)
            .simulateSnapshot(service -> {
              throw new AssertionError("no snapshot for you");
            })
            .build();

    @Test
    void neverRuns() {
      Journal.write("test");
    }
  }

  @OnlyInLauncher
  @LifecycleTest(value = PlainService.class, simulateSnapshot = true)
  static class SnapshotWithoutSnapshot {
    @Test
    void neverRuns() {
      Journal.write("test");
    }
  }
}
