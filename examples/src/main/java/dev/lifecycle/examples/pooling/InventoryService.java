package dev.lifecycle.examples.pooling;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Resource pooling with a database: a connection pool created in an enter hook, from which
 * concurrent calls borrow connections, disposed of in an exit hook.
 *
 * <p>With {@code maxConcurrentInputs = 4}, four calls can run at once, and a JDBC connection must
 * not be shared by concurrent transactions; so each call borrows its own connection from the pool
 * and gives it back when done (closing a pooled connection returns it). Disposing of the pool on
 * exit closes the idle connections, and with them this in-memory database.
 */
@Service(maxConcurrentInputs = 4)
public class InventoryService {

  static final int MAX_CONNECTIONS = 4;

  private final String databaseUrl = "jdbc:h2:mem:inventory-" + UUID.randomUUID();
  private JdbcConnectionPool pool;

  @Enter
  void createPool() throws SQLException {
    pool = JdbcConnectionPool.create(databaseUrl, "sa", "");
    pool.setMaxConnections(MAX_CONNECTIONS);
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE stock (sku VARCHAR(16) PRIMARY KEY, quantity INT NOT NULL)");
    }
  }

  /** Adds {@code quantity} items of {@code sku} in one transaction; returns the new stock. */
  @Method
  public int receive(String sku, int quantity) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(
              "MERGE INTO stock s USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS INT))) n(sku, quantity) "
                  + "ON s.sku = n.sku "
                  + "WHEN MATCHED THEN UPDATE SET s.quantity = s.quantity + n.quantity "
                  + "WHEN NOT MATCHED THEN INSERT VALUES (n.sku, n.quantity)");
          PreparedStatement query = connection.prepareStatement("SELECT quantity FROM stock WHERE sku = ?")) {
        upsert.setString(1, sku);
        upsert.setInt(2, quantity);
        upsert.executeUpdate();
        query.setString(1, sku);
        int stock;
        try (ResultSet row = query.executeQuery()) {
          row.next();
          stock = row.getInt(1);
        }
        connection.commit();
        return stock;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  @Method
  public int stock(String sku) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT quantity FROM stock WHERE sku = ?")) {
      query.setString(1, sku);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }

  @Exit
  void disposePool() {
    if (pool != null) {
      pool.dispose();
    }
  }

  /** The JDBC URL of this container's database; for tests. */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The pool; for tests. */
  public JdbcConnectionPool pool() {
    return pool;
  }
}
