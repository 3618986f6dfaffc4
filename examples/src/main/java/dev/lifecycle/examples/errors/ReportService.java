package dev.lifecycle.examples.errors;

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

/**
 * Cleanup after a failed start: the first enter hook opens a connection, the second fails (a
 * required setting is missing), and the exit hook still closes the connection.
 *
 * <p>Here Lifecycle deliberately differs from Modal, where a failing enter hook skips the exit
 * hooks and leaves the connection to the dying process. Lifecycle runs the exit hooks of every
 * container whose enter phase began, like JUnit runs {@code @AfterEach} after a failed {@code
 * @BeforeEach}. The consequence for exit hooks: they must cope with a half-started instance,
 * hence the {@code null} checks. The enter hooks after the failing one do not run.
 *
 * <p>The settings live in a database that outlives containers (in production a server; here a
 * named in-memory H2 database that exists while some connection to it is open).
 */
@Service
public class ReportService {

  /** Where the settings live. */
  public static final String SETTINGS_DATABASE = "jdbc:h2:mem:report-settings";

  private Connection connection;
  private String title;
  private String footer;

  @Enter
  void openConnection() throws SQLException {
    connection = DriverManager.getConnection(SETTINGS_DATABASE);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS setting (name VARCHAR(64) PRIMARY KEY, val VARCHAR(256))");
    }
  }

  @Enter
  void loadSettings() throws SQLException {
    title = setting("report.title"); // throws when the setting is missing
  }

  @Enter
  void prepareFooter() {
    footer = "-- " + title.length() + " characters of title --";
  }

  @Method
  public String render(String body) {
    return title + "\n" + body + "\n" + footer;
  }

  @Exit
  void closeConnection() throws SQLException {
    if (connection != null) { // null when openConnection() itself failed
      connection.close();
    }
  }

  private String setting(String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT val FROM setting WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("Missing setting " + name + " in " + SETTINGS_DATABASE);
        }
        return row.getString(1);
      }
    }
  }

  /** The connection the hooks manage; for tests. */
  public Connection connection() {
    return connection;
  }
}
