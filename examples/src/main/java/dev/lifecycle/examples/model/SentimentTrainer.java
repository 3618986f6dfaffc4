package dev.lifecycle.examples.model;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link SentimentModel}: generates the corpus, extracts features, and fits a logistic
 * regression by stochastic gradient descent.
 *
 * <p>Why logistic regression: it is the simplest model whose output is a probability ("positive
 * (0.93)"), it trains in a few passes, and with hashed features its whole state is one array of
 * doubles. Why SGD: each step touches only one example's twenty or so features, so the work
 * grows linearly with the corpus and the number of passes, which is how {@link
 * TrainingConfig#DEFAULT} sizes the one-second load.
 *
 * <p>Everything is deterministic: the corpus and the shuffle order come from the seed, and the
 * arithmetic is IEEE 754 in a fixed order with {@link StrictMath}, so the same configuration gives
 * the same weights, bit for bit, on any JVM.
 */
public final class SentimentTrainer {

  private SentimentTrainer() {}

  /** Trains the example's model, {@link TrainingConfig#DEFAULT}. */
  public static SentimentModel train() {
    return train(TrainingConfig.DEFAULT);
  }

  /** Trains a model as {@code config} says. */
  public static SentimentModel train(TrainingConfig config) {
    long start = System.nanoTime();
    List<LabelledText> corpus = new CorpusGenerator(config.seed()).generate(config.documents());
    FeatureExtractor extractor = new FeatureExtractor(config.buckets());
    int heldOut = config.documents() / 10;
    int training = config.documents() - heldOut;

    // Extract every example's features once; the epochs reuse them.
    int[][] features = new int[corpus.size()][];
    boolean[] labels = new boolean[corpus.size()];
    for (int i = 0; i < corpus.size(); i++) {
      features[i] = extractor.features(corpus.get(i).text());
      labels[i] = corpus.get(i).positive();
    }

    double[] weights = new double[config.buckets()];
    double bias = 0;
    Random shuffle = new Random(config.seed() ^ 0x5DEECE66DL);
    int[] order = new int[training];
    for (int i = 0; i < training; i++) {
      order[i] = i;
    }
    long step = 0;
    double decay = 1.0 / training; // the rate halves after one pass, thirds after two...
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      shuffle(order, shuffle); // a new order each pass, so SGD does not cycle
      for (int i : order) {
        double rate = config.learningRate() / (1 + step++ * decay);
        int[] x = features[i];
        // Gradient of the log loss: (prediction - label) for every feature present.
        double error = SentimentModel.sigmoid(SentimentModel.score(weights, bias, x)) - (labels[i] ? 1 : 0);
        for (int index : x) {
          // L2 applied lazily, only to the weights this example touches: the usual shortcut with
          // sparse features, which keeps each step proportional to the example's size.
          weights[index] -= rate * (error + config.l2() * weights[index]);
        }
        bias -= rate * error;
      }
    }

    int nonZero = 0;
    for (double weight : weights) {
      if (weight != 0) {
        nonZero++;
      }
    }
    ModelStats stats = new ModelStats(
        training,
        heldOut,
        config.epochs(),
        config.buckets(),
        nonZero,
        accuracy(weights, bias, features, labels, 0, training),
        accuracy(weights, bias, features, labels, training, config.documents()),
        SentimentModel.checksum(weights, bias),
        Duration.ofNanos(System.nanoTime() - start));
    return new SentimentModel(extractor, weights, bias, stats);
  }

  private static double accuracy(
      double[] weights, double bias, int[][] features, boolean[] labels, int from, int to) {
    int right = 0;
    for (int i = from; i < to; i++) {
      if ((SentimentModel.score(weights, bias, features[i]) >= 0) == labels[i]) {
        right++;
      }
    }
    return to > from ? (double) right / (to - from) : Double.NaN;
  }

  /** Fisher-Yates, driven by {@code random}. */
  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }
}
