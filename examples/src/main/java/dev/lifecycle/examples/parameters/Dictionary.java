package dev.lifecycle.examples.parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The words of one language, and the known words closest to an unknown one. */
public final class Dictionary {

  private final Set<String> words;

  private Dictionary(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /** The dictionary of {@code language}, read from the class path. */
  public static Dictionary load(Language language) {
    String resource = language.name().toLowerCase(Locale.ROOT) + ".txt";
    try (InputStream in = Dictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no word list " + resource + " on the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Dictionary(new TreeSet<>(Arrays.asList(text.strip().split("\\s+"))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the word list " + resource, e);
    }
  }

  public int size() {
    return words.size();
  }

  public boolean knows(String word) {
    return words.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Up to {@code limit} known words at the smallest edit distances from {@code word}, closest first. */
  public List<String> suggestions(String word, int limit) {
    String lower = word.toLowerCase(Locale.ROOT);
    return words.stream()
        .filter(candidate -> distance(lower, candidate) <= 2)
        .sorted(Comparator.comparingInt((String candidate) -> distance(lower, candidate))
            .thenComparing(Comparator.naturalOrder()))
        .limit(limit)
        .toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
