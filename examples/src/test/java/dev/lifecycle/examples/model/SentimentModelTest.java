package dev.lifecycle.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's parts, on a small corpus so that each test takes milliseconds. */
class SentimentModelTest {

  private static final TrainingConfig SMALL = TrainingConfig.DEFAULT.withDocuments(3_000);

  @Test
  void theCorpusIsAFunctionOfTheSeed() {
    assertThat(new CorpusGenerator(7).generate(200)).isEqualTo(new CorpusGenerator(7).generate(200));
    assertThat(new CorpusGenerator(7).generate(200)).isNotEqualTo(new CorpusGenerator(8).generate(200));
  }

  @Test
  void theCorpusIsBalanced() {
    List<LabelledText> corpus = new CorpusGenerator(1).generate(10_000);
    long positive = corpus.stream().filter(LabelledText::positive).count();
    assertThat(positive).isBetween(4_500L, 5_500L);
  }

  @Test
  void tokensAreLowerCaseWordsAndPunctuation() {
    assertThat(Tokenizer.tokenize("Not bad, really! It wasn't BORING."))
        .containsExactly("not", "bad", ",", "really", "!", "it", "wasn't", "boring", ".");
  }

  @Test
  void negationChangesTheFeaturesUpToThePunctuation() {
    FeatureExtractor features = new FeatureExtractor(1 << 18);
    // "bad" negated is a different feature from "bad"...
    assertThat(features.features("not bad")).doesNotContain(features.features("bad")[0]);
    // ...but after the comma, "bad" is plain "bad" again.
    assertThat(features.features("not really, bad")).contains(features.features("bad")[0]);
  }

  @Test
  void featuresAreSortedAndDistinct() {
    int[] features = new FeatureExtractor(1 << 10).features("good good good, good film. good film");
    assertThat(features).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theSameConfigurationTrainsTheSameModel() {
    ModelStats one = SentimentTrainer.train(SMALL).stats();
    ModelStats two = SentimentTrainer.train(SMALL).stats();
    assertThat(one.checksum()).isEqualTo(two.checksum());
    assertThat(SentimentTrainer.train(SMALL.withDocuments(3_001)).stats().checksum())
        .isNotEqualTo(one.checksum());
  }

  @Test
  void predictionsPrintAsLabelAndConfidence() {
    assertThat(new Prediction(true, 0.931)).hasToString("positive (0.93)");
    assertThat(new Prediction(false, 0.2)).hasToString("negative (0.80)");
  }
}
