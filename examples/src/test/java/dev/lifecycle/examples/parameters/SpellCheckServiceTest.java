package dev.lifecycle.examples.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.examples.parameters.SpellCheckService.Misspelling;
import dev.lifecycle.runtime.Container;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The language parameter picks the dictionary the snap hook loads. */
class SpellCheckServiceTest {

  @Test
  void eachContainerChecksInTheLanguageItsParameterNames() {
    try (Container<SpellCheckService> english = Container.builder(SpellCheckService.class)
            .parameter("language", Language.ENGLISH).start();
        Container<SpellCheckService> german = Container.builder(SpellCheckService.class)
            .parameter("language", "GERMAN").parameter("maxSuggestions", 1).start()) {
      assertThat(english.call("dictionary")).asString().startsWith("ENGLISH (");
      assertThat(english.call("check", "the quick brwon fox"))
          .isEqualTo(List.of(new Misspelling("brwon", List.of("brown"))));
      assertThat(german.call("check", "der hnud und the fox"))
          .isEqualTo(List.of(new Misspelling("hnud", List.of("hund")),
              new Misspelling("the", List.of("die")), new Misspelling("fox", List.of("für"))));
    }
  }

  @Test
  void withoutALanguageTheContainerDoesNotStart() {
    assertThatThrownBy(() -> Container.start(SpellCheckService.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs parameter 'language'");
  }
}
