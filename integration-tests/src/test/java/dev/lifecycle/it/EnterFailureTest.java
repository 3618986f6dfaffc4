package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lifecycle.it.services.FailingConstructorService;
import dev.lifecycle.it.services.FailingEnterAndExitService;
import dev.lifecycle.it.services.FailingEnterService;
import dev.lifecycle.it.services.Journal;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ExitHooksFailedException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.Timeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3: an enter hook throws. */
class EnterFailureTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void anEnterHookFailureFailsTheStartNamingClassAndHookAndKeepingTheCause() {
    ContainerStartException failure =
        catchThrowableOfType(ContainerStartException.class, () -> Container.start(FailingEnterService.class));

    assertThat(failure.getCause()).isSameAs(FailingEnterService.FAILURE);
    assertThat(failure.getMessage())
        .contains(FailingEnterService.class.getName() + ".migrateSchema()")
        .contains("@Enter")
        .contains("port 5432 refused")
        .contains("exit hooks ran");
    assertThat(failure.serviceName()).isEqualTo(FailingEnterService.class.getName());
    assertThat(failure.failedHook()).hasValueSatisfying(hook -> assertThat(hook.methodName()).isEqualTo("migrateSchema"));
  }

  @Test
  void theRemainingEnterHooksDoNotRunWhenAnEnterHookFails() {
    catchThrowableOfType(ContainerStartException.class, () -> Container.start(FailingEnterService.class));

    assertThat(Journal.entries()).doesNotContain("enter.warm");
  }

  @Test
  void exitHooksRunWhenAnEnterHookFails() {
    Timeline timeline = new Timeline();
    catchThrowableOfType(ContainerStartException.class,
        () -> Container.builder(FailingEnterService.class).listener(timeline).start());

    assertThat(Journal.entries()).containsExactly("enter.open", "enter.migrate", "exit.close", "exit.delete");
    assertThat(timeline.phases()).endsWith(Phase.EXITING, Phase.FAILED);
    assertThat(timeline.events().get(timeline.events().size() - 1).failure())
        .isInstanceOf(ContainerStartException.class);
  }

  @Test
  void exitHookFailuresAfterAFailedEnterAreAttachedAsSuppressed() {
    ContainerStartException failure =
        catchThrowableOfType(ContainerStartException.class, () -> Container.start(FailingEnterAndExitService.class));

    assertThat(failure.getCause()).hasMessage("enter failed");
    assertThat(failure.getSuppressed()).singleElement()
        .isInstanceOf(ExitHooksFailedException.class)
        .satisfies(suppressed -> assertThat(suppressed.getMessage()).contains(".close()", "Every exit hook ran"))
        .extracting(Throwable::getCause).extracting(Throwable::getMessage).isEqualTo("exit failed too");
    assertThat(Journal.entries()).containsExactly("exit.release");
  }

  @Test
  void aConstructorFailureFailsTheStartAndRunsNoHook() {
    ContainerStartException failure =
        catchThrowableOfType(ContainerStartException.class, () -> Container.start(FailingConstructorService.class));

    assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("missing configuration");
    assertThat(failure.getMessage()).contains(FailingConstructorService.class.getName(), "constructor");
    assertThat(failure.failedHook()).isEmpty();
    assertThat(Journal.entries()).isEmpty();
  }
}
