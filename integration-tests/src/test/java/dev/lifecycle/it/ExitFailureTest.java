package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lifecycle.it.services.FailingExitService;
import dev.lifecycle.it.services.Journal;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ExitHooksFailedException;
import dev.lifecycle.runtime.HookFailedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.StopReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3: an exit hook throws. */
class ExitFailureTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void everyOtherExitHookStillRunsWhenOneThrows() {
    Container<FailingExitService> container = Container.start(FailingExitService.class);
    catchThrowableOfType(ExitHooksFailedException.class, container::close);

    assertThat(Journal.entries()).containsExactly("exit.flush", "exit.file", "exit.socket", "exit.tempdir");
  }

  @Test
  void theFirstExitFailureIsReportedWithTheOthersSuppressed() {
    Container<FailingExitService> container = Container.start(FailingExitService.class);
    ExitHooksFailedException failure = catchThrowableOfType(ExitHooksFailedException.class, container::close);

    assertThat(failure.getCause()).isSameAs(FailingExitService.FIRST);
    assertThat(failure.failedHook().methodName()).isEqualTo("flush");
    assertThat(failure.getMessage())
        .contains(FailingExitService.class.getName() + ".flush()", "flush failed", "1 more exit hook failed",
            "Every exit hook ran");
    assertThat(failure.getSuppressed()).singleElement()
        .isInstanceOf(HookFailedException.class)
        .satisfies(suppressed -> assertThat(suppressed.getMessage()).contains(".closeSocket()"))
        .extracting(Throwable::getCause).isSameAs(FailingExitService.SECOND);
  }

  @Test
  void aContainerWhoseExitHookThrewEndsFailedAndReportsItToEveryCloser() {
    Container<FailingExitService> container = Container.start(FailingExitService.class);
    StopReport report = container.stop();

    assertThat(container.phase()).isEqualTo(Phase.FAILED);
    assertThat(report.finalPhase()).isEqualTo(Phase.FAILED);
    assertThat(report.exitFailure()).isPresent();
    assertThat(catchThrowableOfType(ExitHooksFailedException.class, container::close))
        .isSameAs(report.exitFailure().get());
    assertThat(Journal.entries()).hasSize(4);
  }
}
