package dev.lifecycle.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every code the processor can report is documented, and codes are unique. */
class DiagnosticsCatalogueTest {

  private static final Path CATALOGUE = Path.of("../docs/diagnostics.md");

  @Test
  void everyCodeHasASectionWithAWrongAndARightExample() throws IOException {
    String catalogue = Files.readString(CATALOGUE);

    for (Message message : Message.values()) {
      Matcher section =
          Pattern.compile("(?s)\\n## " + message.code() + "\\n(.*?)(?=\\n## |\\z)").matcher(catalogue);
      assertThat(section.find()).as("section for %s (%s)", message.code(), message).isTrue();
      if (message != Message.PROCESSOR_CRASH) {
        assertThat(section.group(1).split("```java", -1))
            .as("%s has a wrong and a right example", message.code())
            .hasSizeGreaterThanOrEqualTo(3);
      }
      assertThat(catalogue).contains("| [" + message.code() + "](#" + message.code().toLowerCase() + ")");
    }
  }

  @Test
  void codesAreUnique() {
    assertThat(Arrays.stream(Message.values()).map(Message::code)).doesNotHaveDuplicates();
  }
}
