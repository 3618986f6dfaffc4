package dev.lifecycle.examples.benchmark;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A service whose snap hook builds a large in-memory structure, as a search service would at
 * start: an inverted index (term to the ids of the documents holding it) over a generated corpus
 * of 300,000 documents, tens of megabytes of live heap after a second or two of work, and about as
 * much garbage on the way.
 */
@Service(enableMemorySnapshot = true)
public class IndexService {

  private static final int DOCUMENTS = 300_000;
  private static final int WORDS_PER_DOCUMENT = 12;
  private static final int VOCABULARY = 50_000;

  private Map<String, int[]> index;

  /** Before the snapshot: builds the index once. */
  @Enter(snap = true)
  void buildIndex() {
    SplittableRandom random = new SplittableRandom(42);
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int doc = 0; doc < DOCUMENTS; doc++) {
      for (int w = 0; w < WORDS_PER_DOCUMENT; w++) {
        // Zipf-like: a few terms are in many documents, most in a few.
        int rank = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(random.nextDouble(), 3) * VOCABULARY));
        postings.computeIfAbsent("term" + rank, t -> new ArrayList<>()).add(doc);
      }
    }
    Map<String, int[]> built = new HashMap<>(postings.size() * 2);
    postings.forEach((term, docs) -> built.put(term,
        docs.stream().mapToInt(Integer::intValue).distinct().toArray()));
    index = built;
  }

  /** How many documents hold {@code term}. */
  @Method
  public int documentsWith(String term) {
    int[] docs = index.get(term);
    return docs == null ? 0 : docs.length;
  }
}
