package dev.lifecycle.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.runtime.Container;
import org.junit.jupiter.api.Test;

class IndexServiceTest {

  @Test
  void theIndexCountsEachDocumentOncePerTerm() {
    try (Container<IndexService> index = Container.start(IndexService.class)) {
      int common = (int) index.call("documentsWith", "term0");
      int rare = (int) index.call("documentsWith", "term49000");

      assertThat(common).isGreaterThan(rare).isLessThanOrEqualTo(300_000);
      assertThat(rare).isPositive();
      assertThat(index.call("documentsWith", "no such term")).isEqualTo(0);
    }
  }
}
