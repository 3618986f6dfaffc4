package dev.lifecycle.examples.errors;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * Exit hooks that clean up even when one of them throws: uploads are spooled to files and
 * committed to a database, and at exit three hooks run in declaration order: one reports uploads
 * that were never committed (by throwing), one closes the database connection, one deletes the
 * spool directory.
 *
 * <p>Lifecycle runs every exit hook even when an earlier one throws (Modal skips the rest), so a
 * failing report does not leak the connection or the files. {@code close()} then throws the first
 * failure, naming its hook, with any later failures attached as suppressed exceptions: nothing
 * is lost and nothing is left open.
 */
@Service
public class UploadService {

  private Connection connection;
  private Path spool;
  private final Set<String> pending = new ConcurrentSkipListSet<>();

  @Enter
  void open() throws SQLException, IOException {
    connection = DriverManager.getConnection("jdbc:h2:mem:uploads-" + UUID.randomUUID());
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE upload (name VARCHAR(256) PRIMARY KEY, content CLOB NOT NULL)");
    }
    spool = Files.createTempDirectory("uploads-");
  }

  /** Stages an upload in the spool directory; it is stored by {@link #commit}. */
  @Method
  public void stage(String name, String content) throws IOException {
    if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) { // no "../", no hidden files
      throw new IllegalArgumentException("invalid upload name: " + name);
    }
    Files.writeString(spool.resolve(name), content);
    pending.add(name);
  }

  /** Stores every staged upload in the database; returns their names. */
  @Method
  public List<String> commit() throws SQLException, IOException {
    List<String> names = List.copyOf(pending);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upload VALUES (?, ?)")) {
      for (String name : names) {
        insert.setString(1, name);
        insert.setString(2, Files.readString(spool.resolve(name)));
        insert.executeUpdate();
        Files.delete(spool.resolve(name));
        pending.remove(name);
      }
    }
    return names;
  }

  /** Staged uploads would be lost: say so, loudly. */
  @Exit
  void reportUncommitted() {
    if (!pending.isEmpty()) {
      throw new IllegalStateException(
          pending.size() + " staged uploads were never committed: " + pending);
    }
  }

  @Exit
  void closeConnection() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  /**
   * Deletes the spool directory and what is left in it. Strict on purpose: if the directory
   * vanished, someone else is touching it, and that is worth reporting.
   */
  @Exit
  void deleteSpool() throws IOException {
    if (spool == null) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(spool)) {
      files = list.toList();
    }
    for (Path file : files) {
      Files.delete(file);
    }
    Files.delete(spool);
  }

  /** The connection; for tests. */
  public Connection connection() {
    return connection;
  }

  /** The spool directory; for tests. */
  public Path spool() {
    return spool;
  }
}
