package dev.lifecycle.examples.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns text into the sparse binary feature vector the model reads: the indices of the features
 * present, sorted, without duplicates.
 *
 * <p>The features are words and pairs of adjacent words (bigrams: "too long" says more than "too"
 * and "long"), with two pieces of sentence structure a bag of words would otherwise lose:
 *
 * <ul>
 *   <li>Negation: after "not", "never", "didn't"... every word up to the next punctuation mark is
 *       read as {@code not_word}, so "not bad" yields the feature {@code not_bad}, which the model
 *       learns to read as positive.
 *   <li>Contrast: after "but", words also yield a {@code but>word} feature, so the model can learn
 *       that this clause carries the verdict.
 * </ul>
 *
 * <p>Features are hashed into a fixed number of buckets (the "hashing trick") instead of being
 * looked up in a vocabulary: no dictionary to build or store, and unseen words cost nothing. The
 * hash, 64-bit FNV-1a, is written here rather than taken from {@link String#hashCode()}: it is
 * stable by construction, and it can continue over a concatenation, so {@code not_word} or {@code
 * "previous word"} are hashed without building those strings.
 */
public final class FeatureExtractor {

  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "hardly", "nothing", "neither", "nor", "without");

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long NOT = hash(FNV_OFFSET, "not_");
  private static final long BUT = hash(FNV_OFFSET, "but>");

  private final int buckets;

  /** @param buckets the number of features, a power of two (so a mask replaces the modulo) */
  public FeatureExtractor(int buckets) {
    if (buckets < 2 || Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("buckets must be a power of two, was " + buckets);
    }
    this.buckets = buckets;
  }

  public int buckets() {
    return buckets;
  }

  /** The sorted, distinct feature indices of {@code text}. */
  public int[] features(String text) {
    List<String> tokens = Tokenizer.tokenize(text);
    int[] out = new int[tokens.size() * 3];
    int n = 0;
    boolean negated = false;
    boolean contrast = false;
    String previous = null; // the previous word as a feature, e.g. "not_bad"; null: none
    for (String token : tokens) {
      if (Tokenizer.isPunctuation(token)) {
        negated = false; // a negation reaches to the next punctuation mark
        contrast &= token.equals(","); // a contrast, to the end of the sentence
        previous = null; // no bigram across punctuation
        continue;
      }
      if (token.equals("but")) {
        negated = false;
        contrast = true;
        previous = token;
        continue;
      }
      long word = hash(negated ? NOT : FNV_OFFSET, token);
      out[n++] = bucket(word);
      if (previous != null) {
        long pair = hash(hash(hash(FNV_OFFSET, previous), " "), negated ? "not_" : "");
        out[n++] = bucket(hash(pair, token));
      }
      if (contrast) {
        out[n++] = bucket(hash(hash(BUT, negated ? "not_" : ""), token));
      }
      previous = negated ? "not_" + token : token;
      negated |= isNegation(token);
    }
    return distinct(out, n);
  }

  private static boolean isNegation(String token) {
    return NEGATIONS.contains(token) || token.endsWith("n't");
  }

  private int bucket(long hash) {
    return (int) (hash & (buckets - 1));
  }

  /** FNV-1a over the UTF-16 code units of {@code s}, continuing from {@code hash}. */
  static long hash(long hash, String s) {
    for (int i = 0; i < s.length(); i++) {
      hash ^= s.charAt(i);
      hash *= FNV_PRIME;
    }
    return hash;
  }

  private static int[] distinct(int[] values, int length) {
    Arrays.sort(values, 0, length);
    int n = 0;
    for (int i = 0; i < length; i++) {
      if (n == 0 || values[i] != values[n - 1]) {
        values[n++] = values[i];
      }
    }
    return Arrays.copyOf(values, n);
  }
}
