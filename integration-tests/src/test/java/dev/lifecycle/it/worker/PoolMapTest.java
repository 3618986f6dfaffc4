package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.MapOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A map through a pool of worker JVMs: in order, spread over the pool's containers. */
@ExtendWith(NoStrayWorkers.class)
class PoolMapTest {

  @TempDir Path dir;

  @Test
  void inputsAreSpreadOverThePoolAndComeBackInOrder() throws Exception {
    List<Integer> inputs = IntStream.range(0, 2_000).boxed().toList();
    try (ContainerPool pool = Workers.pool(WhoService.class, dir).memorySnapshots(false)
            .minContainers(2).maxContainers(2).build();
        Stream<Object> results = pool.map("who", inputs, MapOptions.defaults().maxInFlight(8))) {
      List<String> answers = results.map(String.class::cast).toList();

      assertThat(answers).hasSize(2_000);
      assertThat(answers).extracting(answer -> Integer.parseInt(answer.substring(0, answer.indexOf('@'))))
          .containsExactlyElementsOf(inputs);
      assertThat(answers.stream().map(answer -> answer.substring(answer.indexOf('@') + 1)).distinct())
          .as("containers that served").hasSize(2);
    }
  }
}
