package dev.lifecycle.examples.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a labelled corpus of short film reviews from templates and word lists.
 *
 * <p>Why generate instead of ship: the example must build its model with no download and no data
 * file, and two containers must build exactly the same model. A seeded {@link Random} (whose
 * algorithm the JDK specifies, so it gives the same sequence on every JVM) makes the corpus a pure
 * function of the seed and the size.
 *
 * <p>The templates cover what a bag-of-words model has to learn beyond "good words, bad words":
 * negation ("the plot was not bad" is positive), contrast ("dull acting but a wonderful story" is
 * positive: the clause after "but" carries the verdict), stock phrases ("far too long"), and
 * filler that carries no sentiment. A small share of labels is flipped on purpose, as in any real
 * corpus, which keeps the model's confidence below 1.
 */
public final class CorpusGenerator {

  static final String[] POSITIVE_ADJECTIVES = {
    "wonderful", "moving", "brilliant", "delightful", "superb", "charming", "gripping",
    "beautiful", "touching", "excellent", "great", "good", "funny", "clever", "memorable",
    "stunning", "heartfelt", "enjoyable", "masterful", "fresh", "inspiring", "powerful", "witty",
    "lovely", "thrilling", "engaging", "fantastic", "amazing", "warm", "smart"
  };

  static final String[] NEGATIVE_ADJECTIVES = {
    "boring", "dull", "tedious", "awful", "terrible", "bad", "predictable", "bland", "clumsy",
    "forgettable", "slow", "messy", "shallow", "pointless", "weak", "lifeless", "tiresome",
    "painful", "overlong", "confusing", "silly", "stale", "flat", "lazy", "disappointing",
    "mediocre", "ugly", "annoying", "poor", "hollow"
  };

  static final String[] POSITIVE_PHRASES = {
    "kept me hooked", "worth every minute", "a must see", "beautifully shot", "full of heart",
    "i loved it", "highly recommended", "a joy to watch", "made me smile", "an instant classic",
    "i would watch it again", "left me in tears"
  };

  static final String[] NEGATIVE_PHRASES = {
    "far too long", "a waste of time", "fell flat", "dragged on forever", "i want my money back",
    "hard to sit through", "made no sense", "nothing happens", "i nearly fell asleep",
    "way too long", "i walked out", "a total mess"
  };

  static final String[] POSITIVE_VERBS = {"love", "adore", "enjoy", "admire", "like"};
  static final String[] NEGATIVE_VERBS = {"hate", "dislike", "regret", "resent", "loathe"};

  static final String[] NOUNS = {
    "film", "movie", "story", "plot", "script", "acting", "cast", "ending", "soundtrack",
    "direction", "performance", "dialogue", "pacing", "characters", "cinematography", "score",
    "lead", "sequel", "premise", "finale"
  };

  static final String[] INTENSIFIERS = {
    "", "", "", "very", "really", "truly", "so", "quite", "incredibly", "utterly", "rather", "pretty"
  };

  static final String[] FILLERS = {
    "honestly", "to be fair", "overall", "in the end", "i think", "if you ask me", "all in all",
    "frankly", "for what it is", "at times", "as expected", "on the whole"
  };

  /** Share of labels flipped on purpose: real corpora are noisy, and so is this one. */
  static final double LABEL_NOISE = 0.02;

  private final Random random;

  /** @param seed the same seed always writes the same corpus */
  public CorpusGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The next {@code count} reviews, about half of them positive. */
  public List<LabelledText> generate(int count) {
    List<LabelledText> corpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      corpus.add(next());
    }
    return corpus;
  }

  /** One review of one to three sentences, all with the same sentiment. */
  LabelledText next() {
    boolean positive = random.nextBoolean();
    StringBuilder text = new StringBuilder();
    int sentences = 1 + random.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        text.append(random.nextInt(4) == 0 ? "! " : ". ");
      }
      text.append(sentence(positive));
    }
    boolean label = random.nextDouble() < LABEL_NOISE ? !positive : positive;
    return new LabelledText(text.toString(), label);
  }

  private String sentence(boolean positive) {
    return switch (random.nextInt(12)) {
      case 0 -> article(intensified(adjective(positive))) + " " + pick(NOUNS);
      case 1 -> "the " + pick(NOUNS) + " was " + intensified(adjective(positive));
      // Negation: the opposite adjective, negated, means this sentiment.
      case 2 -> "the " + pick(NOUNS) + " was not " + adjective(!positive);
      case 3 -> "it was never " + adjective(!positive);
      case 4 -> adjective(positive) + " and " + adjective(positive);
      case 5 -> pick(positive ? POSITIVE_PHRASES : NEGATIVE_PHRASES);
      case 6 -> pick(FILLERS) + ", the " + pick(NOUNS) + " is " + adjective(positive) + " and "
          + pick(positive ? POSITIVE_PHRASES : NEGATIVE_PHRASES);
      // Contrast: the clause after "but" carries the verdict.
      case 7 -> "the " + pick(NOUNS) + " was " + adjective(!positive) + " but the " + pick(NOUNS)
          + " was " + intensified(adjective(positive));
      case 8 -> article(adjective(positive)) + ", " + adjective(positive) + " " + pick(NOUNS);
      case 9 -> "i " + pastTense(pick(positive ? POSITIVE_VERBS : NEGATIVE_VERBS)) + " the "
          + pick(NOUNS);
      case 10 -> "i did not " + pick(positive ? NEGATIVE_VERBS : POSITIVE_VERBS) + " it";
      default -> intensified(adjective(positive)) + ", " + pick(FILLERS);
    };
  }

  private String adjective(boolean positive) {
    return pick(positive ? POSITIVE_ADJECTIVES : NEGATIVE_ADJECTIVES);
  }

  /** All the verbs here are regular and end in "e", except "enjoy". */
  private static String pastTense(String verb) {
    return verb.endsWith("e") ? verb + "d" : verb + "ed";
  }

  private String intensified(String adjective) {
    String intensifier = pick(INTENSIFIERS);
    return intensifier.isEmpty() ? adjective : intensifier + " " + adjective;
  }

  private static String article(String phrase) {
    return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }
}
