package dev.lifecycle.examples.exitdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.Phase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** The exit hook closes the connection, and with it the database, when the container stops. */
class LedgerServiceTest {

  @Test
  void servesCallsWithTheConnectionTheEnterHookOpened() {
    try (Container<LedgerService> container = Container.start(LedgerService.class)) {
      assertThat(container.call("book", "alice", 10_00L)).isEqualTo(10_00L);
      assertThat(container.call("book", "alice", -2_50L)).isEqualTo(7_50L);
      assertThat(container.call("balance", "bob")).isEqualTo(0L);
    }
  }

  @Test
  void theConnectionIsClosedAfterStop() throws Exception {
    Container<LedgerService> container = Container.start(LedgerService.class);
    container.call("book", "alice", 100L);
    Connection connection = container.instance().connection();
    assertThat(connection.isClosed()).isFalse();

    container.close();

    assertThat(container.phase()).isEqualTo(Phase.STOPPED);
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void theDatabaseIsGoneAfterStopSoNoConnectionLeaked() throws Exception {
    Container<LedgerService> container = Container.start(LedgerService.class);
    String ifExists = container.instance().databaseUrl() + ";IFEXISTS=TRUE";
    try (Connection whileRunning = DriverManager.getConnection(ifExists)) {
      assertThat(whileRunning.isValid(1)).isTrue(); // it exists while the container runs
    }

    container.close();

    // H2 drops an in-memory database when its last connection closes: gone means none is open.
    assertThatThrownBy(() -> DriverManager.getConnection(ifExists))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getErrorCode())
        .isEqualTo(ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1);
  }

  @Test
  void callsAfterStopAreRefused() {
    Container<LedgerService> container = Container.start(LedgerService.class);
    container.close();
    assertThatThrownBy(() -> container.call("balance", "alice"))
        .isInstanceOf(ContainerStoppingException.class);
  }
}
