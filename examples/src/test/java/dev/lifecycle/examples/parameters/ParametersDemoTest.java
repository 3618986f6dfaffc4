package dev.lifecycle.examples.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.examples.parameters.ParametersDemo.Answer;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two pools of one service with two parameter sets: each checks its own language. */
class ParametersDemoTest {

  @TempDir Path store;

  @Test
  void eachPoolChecksInItsOwnLanguageWithASnapshotOfItsOwn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, Answer> answers =
        ParametersDemo.run(store, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Answer english = answers.get("ENGLISH");
    Answer german = answers.get("GERMAN");
    Answer again = answers.get("ENGLISH again");
    assertThat(english.dictionary()).startsWith("ENGLISH (");
    assertThat(english.check()).isEqualTo("[Misspelling[word=brwon, suggestions=[brown]],"
        + " Misspelling[word=lazzy, suggestions=[lazy]]]");
    assertThat(german.dictionary()).startsWith("GERMAN (");
    assertThat(german.check()).isEqualTo("[Misspelling[word=hnud, suggestions=[hund, nun]]]");
    // Where CRIU works (CI installs it), each set of parameters has an image of its own.
    if (english.snapshot() == SnapshotStatus.State.AVAILABLE) {
      assertThat(german.snapshot()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(english.image()).startsWith("SpellCheckService-").isNotEqualTo(german.image());
      assertThat(english.start()).isEqualTo(StartKind.CHECKPOINTED);
      assertThat(again.start()).isEqualTo(StartKind.RESTORED);
      assertThat(again.image()).isEqualTo(english.image());
    }
    assertThat(again.dictionary()).startsWith("ENGLISH (");
    assertThat(again.check()).isEqualTo("[Misspelling[word=smal, suggestions=[small]]]");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("parameter(\"language\", ENGLISH)", "parameter(\"language\", GERMAN)");
  }
}
