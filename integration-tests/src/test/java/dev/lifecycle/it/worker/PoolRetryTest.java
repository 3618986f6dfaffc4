package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import dev.lifecycle.pool.RetryPolicy;
import dev.lifecycle.pool.WorkerDiedException;
import dev.lifecycle.runtime.MethodFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries: an input whose worker JVM died is called again on another container, as often as the
 * policy allows; the method's own failures are not, unless asked; when every attempt fails, the
 * last failure carries the earlier ones.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolRetryTest {

  private static final RetryPolicy QUICK =
      RetryPolicy.of(2).backoff(Duration.ofMillis(10), 2, Duration.ofMillis(100));

  @TempDir Path dir;

  private ContainerPoolBuilder pool() throws IOException {
    return Workers.pool(FlakyService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1);
  }

  @Test
  void withoutRetriesADeadWorkerFailsTheCall() throws Exception {
    try (ContainerPool pool = pool().build()) {
      assertThatThrownBy(() -> pool.call("survive", 1)).isInstanceOf(WorkerDiedException.class);
    }
    assertThat(WorkerFiles.lines(dir, "deaths")).hasSize(1);
  }

  @Test
  void aCallWhoseWorkerDiedIsCalledAgainOnANewContainer() throws Exception {
    try (ContainerPool pool = pool().retries(QUICK).build()) {
      assertThat(pool.call("survive", 2)).isEqualTo("survived");
    }
    assertThat(WorkerFiles.lines(dir, "deaths")).hasSize(3);
  }

  @Test
  void whenEveryAttemptFailsTheLastFailureCarriesTheEarlierOnes() throws Exception {
    try (ContainerPool pool = pool().retries(QUICK).build()) {
      assertThatThrownBy(() -> pool.call("survive", 10))
          .isInstanceOf(WorkerDiedException.class)
          .satisfies(last -> assertThat(last.getSuppressed())
              .hasSize(2)
              .allSatisfy(earlier -> assertThat(earlier).isInstanceOf(WorkerDiedException.class)));
    }
    assertThat(WorkerFiles.lines(dir, "deaths")).hasSize(3);
  }

  @Test
  void aMethodsOwnFailureIsRetriedOnlyWhenAsked() throws Exception {
    try (ContainerPool pool = pool().retries(QUICK).build()) {
      assertThatThrownBy(() -> pool.call("recover", 1)).isInstanceOf(MethodFailedException.class);
    }
    assertThat(WorkerFiles.lines(dir, "failures")).hasSize(1);

    try (ContainerPool pool = pool().retries(QUICK.includingMethodFailures()).build()) {
      assertThat(pool.call("recover", 2)).isEqualTo("recovered");
    }
    assertThat(WorkerFiles.lines(dir, "failures")).hasSize(1 + 2); // one failure, one retry
  }
}
