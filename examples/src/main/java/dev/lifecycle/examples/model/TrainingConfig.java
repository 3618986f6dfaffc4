package dev.lifecycle.examples.model;

/**
 * Everything that determines the model: the same configuration always trains the same weights,
 * bit for bit (Java's floating point is deterministic, and so are the corpus and the shuffles).
 *
 * @param seed seeds the corpus and the order of the training examples
 * @param documents how many reviews to generate; a tenth is held out to measure accuracy
 * @param epochs passes of stochastic gradient descent over the training reviews
 * @param buckets number of hashed features, a power of two
 * @param learningRate initial step size; it decays as {@code rate / (1 + step * decay)}
 * @param l2 weight decay, which keeps weights (and so confidences) moderate
 */
public record TrainingConfig(
    long seed, int documents, int epochs, int buckets, double learningRate, double l2) {

  /**
   * The example's model. Its size is chosen so that training takes about one second on a
   * two-core machine: a start-up cost worth a memory snapshot, as a real model's loading would be.
   */
  public static final TrainingConfig DEFAULT =
      new TrainingConfig(20260101L, 60_000, 6, 1 << 18, 0.5, 1e-6);

  public TrainingConfig {
    if (documents < 10 || epochs < 1 || learningRate <= 0 || l2 < 0) {
      throw new IllegalArgumentException("invalid training configuration " + this);
    }
  }

  /** This configuration with another corpus size; for quick tests. */
  public TrainingConfig withDocuments(int documents) {
    return new TrainingConfig(seed, documents, epochs, buckets, learningRate, l2);
  }
}
