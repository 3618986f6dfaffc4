package dev.lifecycle.examples.exitdb;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An exit hook that closes a database connection.
 *
 * <p>What an {@code @Enter} hook opens, an {@code @Exit} hook closes: the exit hooks run exactly
 * once when the container stops, after the calls in flight have finished, whether the container
 * is closed by its owner or the JVM is shutting down (SIGTERM, SIGINT). A connection left open
 * would hold the database's session, its locks and, for an in-memory H2 database like this one,
 * the whole database, until the process dies.
 */
@Service
public class LedgerService {

  /** Unique per container; H2 drops an in-memory database when its last connection closes. */
  private final String databaseUrl = "jdbc:h2:mem:ledger-" + UUID.randomUUID();
  private Connection connection;

  @Enter
  void connect() throws SQLException {
    connection = DriverManager.getConnection(databaseUrl);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE entry (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
          + "account VARCHAR(64) NOT NULL, cents BIGINT NOT NULL)");
    }
  }

  /** Books an amount (negative for a debit) and returns the account's new balance. */
  @Method
  public long book(String account, long cents) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO entry (account, cents) VALUES (?, ?)")) {
      insert.setString(1, account);
      insert.setLong(2, cents);
      insert.executeUpdate();
    }
    return balance(account);
  }

  @Method
  public long balance(String account) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT COALESCE(SUM(cents), 0) FROM entry WHERE account = ?")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Exit
  void disconnect() throws SQLException {
    if (connection != null) { // null when the container failed before connect() ran
      connection.close();
    }
  }

  /** The JDBC URL of this container's database; for tests. */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The connection the hooks manage; for tests. */
  public Connection connection() {
    return connection;
  }
}
