package dev.lifecycle.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.Journal;
import dev.lifecycle.it.services.OrderedService;
import dev.lifecycle.runtime.Container;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3: which hook runs when. */
class HookOrderTest {

  @BeforeEach
  void clearJournal() {
    Journal.clear();
  }

  @Test
  void snapHooksRunBeforeAllOtherEnterHooksWhereverDeclared() {
    try (Container<OrderedService> container = Container.start(OrderedService.class)) {
      // base.enter is declared before base.snap, and in a superclass: both snap hooks still come first.
      assertThat(Journal.entries()).containsExactly("base.snap", "sub.snap", "base.enter", "sub.enter1", "sub.enter2");
    }
  }

  @Test
  void withoutASnapshotSnapHooksRunOnceRightBeforeTheOtherEnterHooks() {
    try (Container<OrderedService> container = Container.start(OrderedService.class)) {
      container.call("work", "x");
      assertThat(Journal.entries()).filteredOn(entry -> entry.endsWith(".snap")).hasSize(2);
      assertThat(Journal.entries().subList(0, 3)).containsExactly("base.snap", "sub.snap", "base.enter");
    }
  }

  @Test
  void enterHooksRunSuperclassFirstThenInDeclarationOrder() {
    try (Container<OrderedService> container = Container.start(OrderedService.class)) {
      assertThat(Journal.entries())
          .filteredOn(entry -> entry.contains(".enter"))
          .containsExactly("base.enter", "sub.enter1", "sub.enter2");
    }
  }

  @Test
  void exitHooksRunSubclassFirstThenInDeclarationOrder() {
    Container.start(OrderedService.class).close();
    assertThat(Journal.entries())
        .filteredOn(entry -> entry.contains(".exit"))
        .containsExactly("sub.exit1", "sub.exit2", "base.exit1", "base.exit2");
  }

  @Test
  void aContainerRunsSnapHooksThenEnterHooksThenServesThenRunsExitHooks() {
    try (Container<OrderedService> container = Container.start(OrderedService.class)) {
      assertThat(container.call("work", "input")).isEqualTo("INPUT");
    }
    assertThat(Journal.entries())
        .containsExactly(
            "base.snap", "sub.snap", "base.enter", "sub.enter1", "sub.enter2", "method:input",
            "sub.exit1", "sub.exit2", "base.exit1", "base.exit2");
  }
}
