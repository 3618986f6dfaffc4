package dev.lifecycle.examples.parameters;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Parameter;
import dev.lifecycle.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * One class for every language: {@code language} is a parameter, set per container or per pool
 * ({@code parameter("language", Language.GERMAN)}), and the snap hook loads that language's
 * dictionary. A pool per language gets a snapshot per language: the parameters are part of the
 * snapshot's key, and each image holds the dictionary its parameters chose.
 *
 * <p>{@code language} has no default: a container without it does not start. {@code
 * maxSuggestions} has one, its initial value.
 */
@Service(enableMemorySnapshot = true)
public class SpellCheckService {

  @Parameter(required = true) Language language;
  @Parameter int maxSuggestions = 3;

  private Dictionary dictionary;

  /** Before the snapshot, with the parameters already set. */
  @Enter(snap = true)
  void loadDictionary() {
    dictionary = Dictionary.load(language);
  }

  /** The words of {@code text} the dictionary does not know, each with its suggestions. */
  @Method
  public List<Misspelling> check(String text) {
    List<Misspelling> misspellings = new ArrayList<>();
    for (String word : text.split("[^\\p{L}]+")) {
      if (!word.isEmpty() && !dictionary.knows(word)) {
        misspellings.add(new Misspelling(word, dictionary.suggestions(word, maxSuggestions)));
      }
    }
    return misspellings;
  }

  /** Which dictionary this container loaded, and how many words it has. */
  @Method
  public String dictionary() {
    return language + " (" + dictionary.size() + " words)";
  }

  /**
   * One unknown word.
   *
   * @param word the word as written
   * @param suggestions known words close to it, closest first
   */
  public record Misspelling(String word, List<String> suggestions) {}
}
