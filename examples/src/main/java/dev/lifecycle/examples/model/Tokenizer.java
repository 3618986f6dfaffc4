package dev.lifecycle.examples.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words and punctuation marks.
 *
 * <p>Punctuation is kept as tokens of its own because it ends the scope of a negation ("not bad,
 * just long"); {@link FeatureExtractor} needs to see it. Apostrophes stay inside words, so that
 * "wasn't" is one word that it can recognise as a negation.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** {@code "Not bad, really!"} gives {@code [not, bad, ",", really, "!"]}. */
  public static List<String> tokenize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean wordChar = Character.isLetterOrDigit(c) || (c == '\'' && start >= 0);
      if (wordChar) {
        if (start < 0) {
          start = i;
        }
        continue;
      }
      if (start >= 0) {
        tokens.add(lower.substring(start, i));
        start = -1;
      }
      if (isPunctuation(c)) {
        tokens.add(String.valueOf(c));
      }
    }
    if (start >= 0) {
      tokens.add(lower.substring(start));
    }
    return tokens;
  }

  /** Whether {@code token} is a punctuation mark rather than a word. */
  public static boolean isPunctuation(String token) {
    return token.length() == 1 && isPunctuation(token.charAt(0));
  }

  private static boolean isPunctuation(char c) {
    return ".,;:!?".indexOf(c) >= 0;
  }
}
