package dev.lifecycle.examples.multienter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.Timeline;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several enter hooks run in a fixed order: snap hooks, then superclass, then declaration order. */
class CatalogServiceTest {

  @Test
  void theEnterHooksRunInTheirDocumentedOrder() {
    try (Container<CatalogService> container = Container.start(CatalogService.class)) {
      assertThat(container.call("startupOrder")).asInstanceOf(LIST).containsExactly(
          "buildSearchIndex", // snap = true: first, though declared last
          "loadConfig", // inherited: superclass before subclass
          "openDatabase", // then declaration order
          "warmPriceCache");
    }
  }

  @Test
  void theTimelineShowsTheSameOrderWithTheDeclaringClasses() {
    Timeline timeline = new Timeline();
    try (Container<CatalogService> container =
        Container.builder(CatalogService.class).listener(timeline).start()) {
      assertThat(container.call("startupOrder")).asInstanceOf(LIST).hasSize(4);
      assertThat(timeline.hooks())
          .extracting(run -> run.hook().displayName())
          .containsExactly(
              CatalogService.class.getName() + ".buildSearchIndex()",
              ConfiguredService.class.getName() + ".loadConfig()",
              CatalogService.class.getName() + ".openDatabase()",
              CatalogService.class.getName() + ".warmPriceCache()");
    }
  }

  @Test
  void eachHookCouldUseWhatTheOnesBeforeItBuilt() {
    try (Container<CatalogService> container = Container.start(CatalogService.class)) {
      // The index (snap hook) and the prices (cache, from the database) come together here.
      assertThat(container.call("search", "shirt")).isEqualTo(
          Map.of("Red cotton shirt", 2500L, "Blue linen shirt", 3900L));
      assertThat(container.call("search", "boots")).isEqualTo(Map.of("Leather walking boots", 12900L));
      assertThat(container.call("search", "hat")).isEqualTo(Map.of());
    }
  }
}
