package dev.lifecycle.examples.multienter;

import dev.lifecycle.Enter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A base class that many services could share: it loads their configuration. Its hooks run
 * before those of any subclass, so subclasses can rely on {@link #config} in their own hooks.
 *
 * <p>It is not a {@code @Service} itself; its hooks are inherited by the services that extend it.
 */
public abstract class ConfiguredService {

  /** The hooks that ran, in order: for the test, and readable in a debugger. */
  protected final List<String> startupLog = new CopyOnWriteArrayList<>();

  protected Map<String, String> config;

  @Enter
  void loadConfig() {
    startupLog.add("loadConfig");
    // A real service would read a file or the environment; the values are inline to stay runnable.
    config = Map.of("db.url", "jdbc:h2:mem:catalog-" + UUID.randomUUID(), "cache.size", "100");
  }
}
