package dev.lifecycle.examples.model;

import java.util.Locale;

/**
 * What the model says about one text.
 *
 * @param positive whether it reads as positive
 * @param probabilityPositive the model's probability that it is positive, between 0 and 1
 */
public record Prediction(boolean positive, double probabilityPositive) {

  /** {@code "positive"} or {@code "negative"}. */
  public String label() {
    return positive ? "positive" : "negative";
  }

  /** The probability of the predicted label, between 0.5 and 1. */
  public double confidence() {
    return positive ? probabilityPositive : 1 - probabilityPositive;
  }

  /** {@code "positive (0.93)"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%.2f)", label(), confidence());
  }
}
