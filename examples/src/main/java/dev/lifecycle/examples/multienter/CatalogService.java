package dev.lifecycle.examples.multienter;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Several enter hooks, each building on the one before: a search index, then (inherited) the
 * configuration, then a database connection that needs the configuration, then a price cache that
 * needs the connection.
 *
 * <p>The order is fixed by three rules, none of which depends on luck:
 *
 * <ol>
 *   <li>Every {@code @Enter(snap = true)} hook runs before every other enter hook, wherever it is
 *       declared: {@link #buildSearchIndex()} is declared last and runs first. It builds what a
 *       memory snapshot should capture, from bundled data only; it must not use the connection,
 *       which does not exist yet (and could not survive a snapshot anyway).
 *   <li>Superclass hooks run before subclass hooks: {@link ConfiguredService#loadConfig()}.
 *   <li>Within a class, hooks run in declaration order: {@link #openDatabase()}, then {@link
 *       #warmPriceCache()}.
 * </ol>
 */
@Service(enableMemorySnapshot = true)
public class CatalogService extends ConfiguredService {

  /** The bundled catalogue: sku to name. */
  static final Map<String, String> PRODUCTS = Map.of(
      "A-100", "Red cotton shirt",
      "A-200", "Blue linen shirt",
      "B-100", "Leather walking boots",
      "B-200", "Canvas running shoes",
      "C-100", "Wool winter scarf");

  private Map<String, List<String>> searchIndex; // word -> skus
  private Connection connection;
  private Map<String, Long> priceCache;

  @Enter
  void openDatabase() throws SQLException {
    startupLog.add("openDatabase");
    connection = DriverManager.getConnection(Objects.requireNonNull(config, "config").get("db.url"));
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE price (sku VARCHAR(16) PRIMARY KEY, cents BIGINT NOT NULL)");
      statement.execute("INSERT INTO price VALUES ('A-100', 2500), ('A-200', 3900), "
          + "('B-100', 12900), ('B-200', 6900), ('C-100', 1900)");
    }
  }

  @Enter
  void warmPriceCache() throws SQLException {
    startupLog.add("warmPriceCache");
    Map<String, Long> prices = new HashMap<>();
    int limit = Integer.parseInt(config.get("cache.size"));
    try (PreparedStatement query = Objects.requireNonNull(connection, "connection")
            .prepareStatement("SELECT sku, cents FROM price ORDER BY sku LIMIT ?")) {
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          prices.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    priceCache = Map.copyOf(prices);
  }

  /** The products whose name contains {@code word}, with their prices in cents. */
  @Method
  public Map<String, Long> search(String word) {
    Map<String, Long> found = new TreeMap<>();
    for (String sku : searchIndex.getOrDefault(word.toLowerCase(Locale.ROOT), List.of())) {
      found.put(PRODUCTS.get(sku), priceCache.get(sku));
    }
    return found;
  }

  /** The enter hooks in the order they ran. */
  @Method
  public List<String> startupOrder() {
    return List.copyOf(startupLog);
  }

  @Exit
  void closeDatabase() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  // Declared last on purpose: snap hooks run first all the same.
  @Enter(snap = true)
  void buildSearchIndex() {
    startupLog.add("buildSearchIndex");
    Map<String, List<String>> index = new HashMap<>();
    PRODUCTS.forEach((sku, name) -> {
      for (String word : name.toLowerCase(Locale.ROOT).split(" ")) {
        index.computeIfAbsent(word, w -> new ArrayList<>()).add(sku);
      }
    });
    index.replaceAll((word, skus) -> skus.stream().sorted().toList());
    searchIndex = Map.copyOf(index);
  }
}
