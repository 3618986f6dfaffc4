package dev.lifecycle.it.worker;

import dev.lifecycle.Batched;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.List;
import java.util.Locale;

/** A batched method in worker JVMs, which writes the size of each batch to a worker file. */
@Service
public class ShoutService {

  @Method
  @Batched(maxBatchSize = 8, waitMillis = 200)
  public List<String> shout(List<String> texts) {
    WorkerFiles.append("batches", Integer.toString(texts.size()));
    return texts.stream().map(text -> text.toUpperCase(Locale.ROOT)).toList();
  }
}
