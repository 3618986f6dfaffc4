package dev.lifecycle.examples.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A trained binary sentiment classifier: logistic regression over hashed word and bigram
 * features. Immutable, so any number of threads can call {@link #predict} at once.
 *
 * <p>{@code P(positive | text) = sigmoid(bias + sum of the weights of the features present)}.
 * Build one with {@link SentimentTrainer#train}.
 */
public final class SentimentModel {

  private final FeatureExtractor features;
  private final double[] weights;
  private final double bias;
  private final ModelStats stats;

  SentimentModel(FeatureExtractor features, double[] weights, double bias, ModelStats stats) {
    this.features = Objects.requireNonNull(features, "features");
    this.weights = weights.clone();
    this.bias = bias;
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /** Classifies {@code text}. */
  public Prediction predict(String text) {
    double z = score(weights, bias, features.features(text));
    return new Prediction(z >= 0, sigmoid(z));
  }

  /** How the model was built and how well it does. */
  public ModelStats stats() {
    return stats;
  }

  /** The log-odds that a text with these features is positive. */
  static double score(double[] weights, double bias, int[] featureIndices) {
    double z = bias;
    for (int index : featureIndices) {
      z += weights[index];
    }
    return z;
  }

  /**
   * The logistic function. {@link StrictMath#exp}, not {@link Math#exp}: the latter may differ in
   * the last bit from one CPU to another, and the model must be the same everywhere.
   */
  static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  /** The first 16 hex digits of the SHA-256 of the weights' exact bits. */
  static String checksum(double[] weights, double bias) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES * (weights.length + 1));
      for (double weight : weights) {
        buffer.putLong(Double.doubleToLongBits(weight));
      }
      buffer.putLong(Double.doubleToLongBits(bias));
      return HexFormat.of().formatHex(sha.digest(buffer.array()), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
