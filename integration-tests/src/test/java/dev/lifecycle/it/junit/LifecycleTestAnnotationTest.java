package dev.lifecycle.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.services.SnapshotService;
import dev.lifecycle.junit.LifecycleInject;
import dev.lifecycle.junit.LifecycleTest;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.Timeline;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The declarative form, one container per class: injection into parameters and fields. */
@LifecycleTest(SnapshotService.class)
class LifecycleTestAnnotationTest {

  private static final Set<SnapshotService> SEEN = ConcurrentHashMap.newKeySet();

  @LifecycleInject static Timeline timeline;

  @LifecycleInject SnapshotService service;

  @LifecycleInject Container<SnapshotService> container;

  @BeforeAll
  static void staticFieldsAreFilledBeforeBeforeAllMethods(SnapshotService fromParameter) {
    assertThat(timeline).isNotNull();
    assertThat(fromParameter.events).containsExactly("snap.load", "enter.id");
  }

  @Test
  void testMethodsReceiveTheInstanceAfterItsEnterHooksRan(SnapshotService fromParameter) {
    SEEN.add(fromParameter);
    assertThat(fromParameter).isSameAs(service).isSameAs(container.instance());
    assertThat(fromParameter.model).isEqualTo("weights");
    assertThat(fromParameter.containerId).isNotNull();
  }

  @Test
  void testMethodsReceiveTheRunningContainer(Container<SnapshotService> fromParameter) {
    SEEN.add(fromParameter.instance());
    assertThat(fromParameter).isSameAs(container);
    assertThat(fromParameter.phase()).isEqualTo(Phase.RUNNING);
    assertThat(fromParameter.call("predict", "x")).isEqualTo("weights:x");
  }

  @Test
  void everyTestOfTheClassSharesOneContainer() {
    SEEN.add(service);
    assertThat(SEEN).hasSize(1);
    assertThat(timeline.phases()).containsOnlyOnce(Phase.CREATED);
  }

  @Nested
  class NestedClasses {

    @Test
    void shareTheContainerOfTheirEnclosingClass(SnapshotService fromParameter) {
      SEEN.add(fromParameter);
      assertThat(fromParameter).isSameAs(service);
      assertThat(SEEN).hasSize(1);
    }
  }
}
