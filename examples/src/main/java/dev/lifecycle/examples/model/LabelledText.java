package dev.lifecycle.examples.model;

import java.util.Objects;

/**
 * One training example: a short review and whether it is positive.
 *
 * @param text the review, as a user would type it
 * @param positive its label
 */
public record LabelledText(String text, boolean positive) {

  public LabelledText {
    Objects.requireNonNull(text, "text");
  }
}
