package dev.lifecycle.examples.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.Timeline;
import dev.lifecycle.runtime.spi.HookDescriptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** An enter hook fails after an earlier one opened a connection: the exit hook still closes it. */
class ReportServiceTest {

  private static final String IF_EXISTS = ReportService.SETTINGS_DATABASE + ";IFEXISTS=TRUE";

  @Test
  void aFailedStartStillRunsTheExitHookWhichClosesTheConnection() {
    Timeline timeline = new Timeline();

    ContainerStartException failure = catchThrowableOfType(ContainerStartException.class,
        () -> Container.builder(ReportService.class).listener(timeline).start());

    // The error names the class and the hook, and keeps what the hook threw.
    assertThat(failure).hasMessageContaining(ReportService.class.getName())
        .hasMessageContaining("loadSettings()");
    assertThat(failure.failedHook()).map(HookDescriptor::methodName).hasValue("loadSettings");
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Missing setting report.title");

    // openConnection ran, loadSettings threw, prepareFooter was skipped, closeConnection ran.
    assertThat(timeline.hooks()).extracting(run -> run.hook().methodName())
        .containsExactly("openConnection", "loadSettings", "closeConnection");
    assertThat(timeline.hooks().get(2).failure()).isNull();
    assertThat(timeline.phases()).endsWith(Phase.EXITING, Phase.FAILED);

    // The closed connection was the database's only one, so H2 dropped the database.
    assertDatabaseGone();
  }

  @Test
  void withTheSettingPresentItStartsAndServes() throws Exception {
    // The settings database outlives containers while this connection keeps it open.
    try (Connection admin = DriverManager.getConnection(ReportService.SETTINGS_DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE TABLE setting (name VARCHAR(64) PRIMARY KEY, val VARCHAR(256))");
      statement.execute("INSERT INTO setting VALUES ('report.title', 'Monthly report')");

      Container<ReportService> container = Container.start(ReportService.class);
      assertThat(container.call("render", "All good."))
          .isEqualTo("Monthly report\nAll good.\n-- 14 characters of title --");
      Connection serviceConnection = container.instance().connection();

      container.close();

      assertThat(serviceConnection.isClosed()).isTrue();
      assertThat(admin.isClosed()).isFalse();
    }
    assertDatabaseGone();
  }

  private static void assertDatabaseGone() {
    SQLException notFound =
        catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(IF_EXISTS).close());
    assertThat((Throwable) notFound) // an SQLException is an Iterable: pick the right assertThat
        .as("the settings database is gone, so no connection is left open")
        .isNotNull();
    assertThat(notFound.getErrorCode()).isEqualTo(ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1);
  }
}
