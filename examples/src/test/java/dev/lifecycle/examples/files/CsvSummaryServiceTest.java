package dev.lifecycle.examples.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.MethodFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file processor's exit hook removes every file it created, including a failed call's. */
class CsvSummaryServiceTest {

  @Test
  void summarisesFromFilesThatExistWhileTheContainerServes() throws Exception {
    try (Container<CsvSummaryService> container = Container.start(CsvSummaryService.class)) {
      assertThat(container.call("summarise", "june.csv", "rent,1200\nfood,300\nfood,150\n"))
          .isEqualTo(Map.of("food", 450L, "rent", 1200L));

      Path workDirectory = container.instance().workDirectory();
      assertThat(workDirectory).isDirectory();
      assertThat(container.call("files")).asInstanceOf(LIST).hasSize(2)
          .anySatisfy(name -> assertThat(name).asString().startsWith("upload-"))
          .anySatisfy(name -> assertThat(name).asString().startsWith("summary-"));
      try (var files = Files.list(workDirectory)) {
        assertThat(files.filter(file -> file.getFileName().toString().startsWith("summary-")))
            .singleElement()
            .satisfies(summary -> assertThat(summary).hasContent("food 450\nrent 1200"));
      }
    }
  }

  @Test
  void theExitHookRemovesTheFilesWhenTheContainerStops() {
    Container<CsvSummaryService> container = Container.start(CsvSummaryService.class);
    container.call("summarise", "a.csv", "x,1\n");
    container.call("summarise", "b.csv", "y,2\n");
    Path workDirectory = container.instance().workDirectory();
    assertThat(workDirectory.toFile().list()).hasSize(4);

    container.close();

    assertThat(workDirectory).doesNotExist();
  }

  @Test
  void aFailedCallsFileIsRemovedTooAndTheContainerKeepsServing() {
    Container<CsvSummaryService> container = Container.start(CsvSummaryService.class);
    Path workDirectory = container.instance().workDirectory();

    assertThatThrownBy(() -> container.call("summarise", "broken.csv", "ok,1\nnot a number,abc\n"))
        .isInstanceOf(MethodFailedException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2 of broken.csv is not 'key,amount': not a number,abc");
    // The upload was spooled before the failure; it stays until the exit hook.
    assertThat(container.call("files")).asInstanceOf(LIST).singleElement().asString().startsWith("upload-");
    assertThat(container.call("summarise", "fine.csv", "ok,1\n")).isEqualTo(Map.of("ok", 1L));

    container.close();

    assertThat(workDirectory).doesNotExist();
  }

  @Test
  void eachContainerHasItsOwnDirectory() {
    try (Container<CsvSummaryService> one = Container.start(CsvSummaryService.class);
        Container<CsvSummaryService> two = Container.start(CsvSummaryService.class)) {
      assertThat(one.instance().workDirectory()).isNotEqualTo(two.instance().workDirectory());
    }
  }
}
