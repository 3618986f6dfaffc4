package dev.lifecycle.examples.model;

import dev.lifecycle.Batched;
import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pre- and post-snapshot enter hooks: the pattern memory snapshots exist for.
 *
 * <p>Building the model is the expensive, deterministic part of starting: it belongs in an
 * {@code @Enter(snap = true)} hook, which runs once, before the snapshot, so that every container
 * restored from it starts with the model already in memory. What must differ between containers,
 * here a container id, belongs in a plain {@code @Enter} hook: it runs after the snapshot point,
 * in every container, so two containers restored from one snapshot still get different ids.
 * Generating the id in the snap hook would give every restored container the same one.
 *
 * <p>Without a snapshot engine (in-JVM containers) both hooks simply run, snap hook first.
 */
@Service(enableMemorySnapshot = true, maxConcurrentInputs = 4)
public class SentimentService {

  private static final System.Logger LOG = System.getLogger(SentimentService.class.getName());

  // Written by the enter hooks on the starting thread, read by calls on the container's threads.
  private volatile SentimentModel model;
  private volatile String containerId;
  private final LongAdder predictions = new LongAdder();

  /** Before the snapshot: about a second of training, captured by the snapshot. */
  @Enter(snap = true)
  void loadModel() {
    model = SentimentTrainer.train();
  }

  /** After the snapshot, in every container: what must be unique to this one. */
  @Enter
  void assignContainerId() {
    containerId = UUID.randomUUID().toString();
  }

  /** {@code "positive (0.93)"}. The model is immutable, so concurrent calls need no lock. */
  @Method
  public String predict(String text) {
    predictions.increment();
    return model.predict(text).toString();
  }

  /**
   * The labels of many reviews at once, as {@link #predict} gives them one by one: callers send
   * one review each and get its label; the container groups concurrent reviews into batches.
   */
  @Method
  @Batched(maxBatchSize = 32, waitMillis = 5)
  public List<String> label(List<String> texts) {
    predictions.add(texts.size());
    return texts.stream().map(text -> model.predict(text).toString()).toList();
  }

  /** The model's stats, plus this container's id and how many predictions it served. */
  @Method
  public Info info() {
    return new Info(containerId, predictions.sum(), model.stats());
  }

  /**
   * What {@link #info()} answers: a record of travelling types, the same in one JVM and through a
   * pool.
   *
   * @param containerId this container's own id
   * @param predictions how many predictions this container served
   * @param model the figures of the model every container shares
   */
  public record Info(String containerId, long predictions, ModelStats model) {}

  @Exit
  void reportUsage() {
    LOG.log(Level.INFO, "Sentiment container " + containerId + " served " + predictions.sum()
        + " predictions");
  }

  /** The model; {@code null} before the snap hook ran. For in-JVM callers and tests. */
  public SentimentModel model() {
    return model;
  }

  /** This container's id; {@code null} before the post-snapshot hook ran. */
  public String containerId() {
    return containerId;
  }
}
