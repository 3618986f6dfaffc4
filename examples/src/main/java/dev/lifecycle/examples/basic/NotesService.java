package dev.lifecycle.examples.basic;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The basic enter hook: open a database connection once, when the container starts, and use it in
 * every call.
 *
 * <p>Opening a connection in each call would pay the connection cost on every request; opening it
 * in the constructor would run it outside the lifecycle (a failure there runs no exit hook). An
 * {@code @Enter} hook is the place: it runs once, before the first call, and a failure in it
 * fails the container's start with a clear error.
 *
 * <p>The database is H2, in memory, named per container: each container has its own. Calls run
 * one at a time (the default {@code maxConcurrentInputs = 1}), so one JDBC connection suffices.
 * For closing the connection, see {@link dev.lifecycle.examples.exitdb.LedgerService}.
 */
@Service
public class NotesService {

  private Connection connection;

  @Enter
  void connect() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:notes-" + UUID.randomUUID());
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE note (id BIGINT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(1000) NOT NULL)");
    }
  }

  /** Stores a note and returns its id. */
  @Method
  public long add(String text) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO note (text) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, text);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Every note, oldest first. */
  @Method
  public List<String> all() throws SQLException {
    List<String> notes = new ArrayList<>();
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT text FROM note ORDER BY id")) {
      while (rows.next()) {
        notes.add(rows.getString(1));
      }
    }
    return notes;
  }

  /** The database session this container's calls run in: the same one for every call. */
  @Method
  public int sessionId() throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT SESSION_ID()")) {
      row.next();
      return row.getInt(1);
    }
  }

  @Exit
  void disconnect() throws SQLException {
    connection.close();
  }

  /** Whether the connection is open; for tests. */
  public boolean isConnected() throws SQLException {
    return connection != null && connection.isValid(1);
  }
}
