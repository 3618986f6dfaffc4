package dev.lifecycle.examples.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.lifecycle.junit.ContainerScope;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.Phase;
import org.junit.jupiter.api.Test;

/** The basic enter hook: the connection exists before the first call and serves every call. */
@LifecycleTest(value = NotesService.class, scope = ContainerScope.PER_TEST)
class NotesServiceTest {

  @Test
  void theConnectionIsOpenBeforeTheFirstCall(Container<NotesService> container) throws Exception {
    assertThat(container.phase()).isEqualTo(Phase.RUNNING);
    assertThat(container.instance().isConnected()).isTrue();
  }

  @Test
  void methodsUseTheConnection(Container<NotesService> container) {
    assertThat(container.call("add", "buy milk")).isEqualTo(1L);
    assertThat(container.call("add", "call mum")).isEqualTo(2L);
    assertThat(container.call("all")).asInstanceOf(LIST).containsExactly("buy milk", "call mum");
  }

  @Test
  void everyCallRunsInTheSameDatabaseSession(Container<NotesService> container) {
    Object session = container.call("sessionId");
    container.call("add", "one");
    container.call("all");
    assertThat(container.call("sessionId")).isEqualTo(session);
  }

  @Test
  void eachContainerHasItsOwnDatabase(Container<NotesService> container) {
    container.call("add", "only in the first container");
    try (Container<NotesService> other = Container.start(NotesService.class)) {
      assertThat(other.call("all")).asInstanceOf(LIST).isEmpty();
    }
    assertThat(container.call("all")).asInstanceOf(LIST).containsExactly("only in the first container");
  }
}
