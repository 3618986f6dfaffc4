package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.worker.ArgsService.Rect;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.ServiceCaller;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated {@code ArgsServiceClient} calls the service's methods by their Java names and
 * types, blocking and asynchronously, the same through an in-JVM container and through a pool of
 * worker JVMs; a declared exception arrives as itself from the blocking form.
 */
class TypedClientTest {

  @TempDir static Path dir;
  private static ContainerPool pool;
  private static Container<ArgsService> inJvm;

  @BeforeAll
  static void start() throws Exception {
    pool = Workers.pool(ArgsService.class, dir).memorySnapshots(false)
        .minContainers(1).maxContainers(1).build();
    inJvm = Container.start(ArgsService.class);
  }

  @AfterAll
  static void stop() {
    try {
      if (inJvm != null) {
        inJvm.close();
      }
      if (pool != null) {
        pool.close();
      }
      Workers.assertNoStrayWorkers();
    } finally {
      Workers.killStrayWorkers();
    }
  }

  static Stream<ServiceCaller> callers() {
    return Stream.of(inJvm, pool);
  }

  @ParameterizedTest(autoCloseArguments = false) // the callers live for the class
  @MethodSource("callers")
  void blockingCallsTakeAndReturnTheDeclaredTypes(ServiceCaller caller) {
    ArgsServiceClient client = ArgsServiceClient.of(caller);

    int quotient = client.divide(6, 2);
    long twice = client.twice(21L);
    int areas = client.areas(List.of(new Rect(2, 3), new Rect(1, 1)));
    Map<String, Rect> named = client.named(Map.of("a", new Rect(2, 3)));
    Duration doubled = client.doubled(Duration.ofMillis(1500));

    assertThat(quotient).isEqualTo(3);
    assertThat(twice).isEqualTo(42L);
    assertThat(areas).isEqualTo(7);
    assertThat(named).isEqualTo(Map.of("a", new Rect(2, 3)));
    assertThat(doubled).isEqualTo(Duration.ofSeconds(3));
  }

  @ParameterizedTest(autoCloseArguments = false) // the callers live for the class
  @MethodSource("callers")
  void asynchronousCallsCompleteWithTheDeclaredTypes(ServiceCaller caller) throws Exception {
    ArgsServiceClient client = ArgsServiceClient.of(caller);

    Integer quotient = client.divideAsync(6, 2).get(60, TimeUnit.SECONDS);
    Rect stretched = client.namedAsync(Map.of("b", new Rect(4, 5))).get(60, TimeUnit.SECONDS).get("b");

    assertThat(quotient).isEqualTo(3);
    assertThat(stretched).isEqualTo(new Rect(4, 5));
  }

  @ParameterizedTest(autoCloseArguments = false) // the callers live for the class
  @MethodSource("callers")
  void aDeclaredExceptionArrivesAsItselfAndOthersAsForAStringCall(ServiceCaller caller) {
    ArgsServiceClient client = ArgsServiceClient.of(caller);

    assertThatThrownBy(() -> client.checked(-1))
        .isInstanceOf(IOException.class)
        .hasMessage("negative: -1");
    assertThatThrownBy(() -> client.divide(1, 0))
        .isInstanceOf(MethodFailedException.class)
        .cause()
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> client.checkedAsync(-1).get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(MethodFailedException.class)
        .cause()
        .isInstanceOf(IOException.class);
  }
}
