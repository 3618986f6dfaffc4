package dev.lifecycle.it.services;

import dev.lifecycle.Batched;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Batched methods that record the size of every batch they were called with. */
@Service(maxConcurrentInputs = 2)
public class BatchingService {

  /** The sizes of the batches, in the order they were called. */
  public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  /** Each text in capitals: one result per input, in order. */
  @Method
  @Batched(maxBatchSize = 8, waitMillis = 200)
  public List<String> shout(List<String> texts) {
    batchSizes.add(texts.size());
    return texts.stream().map(text -> text.toUpperCase(Locale.ROOT)).toList();
  }

  /** One result too few: a broken batched method. Its batches of 4 fill long before the wait. */
  @Method
  @Batched(maxBatchSize = 4, waitMillis = 60_000)
  public List<Integer> lose(List<Integer> numbers) {
    batchSizes.add(numbers.size());
    return numbers.subList(1, numbers.size());
  }
}
