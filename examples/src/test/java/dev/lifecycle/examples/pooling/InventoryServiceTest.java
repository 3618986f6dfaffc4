package dev.lifecycle.examples.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.runtime.Container;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** A connection pool created in the enter hook, borrowed from by concurrent calls, disposed on exit. */
class InventoryServiceTest {

  @Test
  void concurrentCallsEachBorrowAConnectionAndLoseNoUpdate() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (Container<InventoryService> container = Container.start(InventoryService.class)) {
      container.call("receive", "A-100", 0); // the row exists before the concurrent updates
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(() -> container.call("receive", "A-100", 1));
      }
      for (Future<Object> call : callers.invokeAll(calls)) {
        call.get();
      }

      assertThat(container.call("stock", "A-100")).isEqualTo(200);
      JdbcConnectionPool pool = container.instance().pool();
      assertThat(pool.getActiveConnections()).isZero(); // every borrowed connection came back
    } finally {
      callers.shutdown();
    }
  }

  @Test
  void thePoolIsDisposedAndTheDatabaseClosedAfterStop() {
    Container<InventoryService> container = Container.start(InventoryService.class);
    container.call("receive", "B-200", 5);
    JdbcConnectionPool pool = container.instance().pool();
    String ifExists = container.instance().databaseUrl() + ";IFEXISTS=TRUE";

    container.close();

    assertThatThrownBy(pool::getConnection).hasMessageContaining("disposed");
    // The idle connections were closed, so H2 dropped the in-memory database.
    assertThatThrownBy(() -> DriverManager.getConnection(ifExists))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getErrorCode())
        .isEqualTo(ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1);
  }
}
