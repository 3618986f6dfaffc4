package dev.lifecycle.pool.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading {@code Compiler.queue}: idle only when nothing is compiled or waits to be. */
class JitQuiescenceTest {

  @Test
  void headingsAndEmptyQueuesAreIdle() {
    assertThat(JitQuiescence.isIdle("""
        Current compiles:\s

        C1 compile queue:
        Empty

        C2 compile queue:
        Empty

        """)).isTrue();
  }

  @Test
  void aCompilationUnderWayIsNotIdle() {
    assertThat(JitQuiescence.isIdle("""
        Current compiles:\s
        C2 CompilerThread0    1234 %     4       dev.example.Model::train @ 12 (310 bytes)

        C1 compile queue:
        Empty

        C2 compile queue:
        Empty
        """)).isFalse();
  }

  @Test
  void aQueuedCompilationIsNotIdle() {
    assertThat(JitQuiescence.isIdle("""
        Current compiles:\s

        C1 compile queue:
        Empty

        C2 compile queue:
        1240       4       java.util.HashMap::getNode (150 bytes)
        """)).isFalse();
  }

  @Test
  void thisJvmsCompilersCanBeAwaitedWithinTheLimit() {
    Duration waited = JitQuiescence.await(Duration.ofSeconds(30));

    assertThat(waited).isLessThan(Duration.ofSeconds(31));
  }
}
