package dev.lifecycle.examples.model;

import java.time.Duration;

/**
 * What a trained model is and how well it does.
 *
 * @param trainingDocuments reviews it learned from
 * @param heldOutDocuments reviews kept aside to measure {@code heldOutAccuracy}
 * @param epochs passes over the training reviews
 * @param buckets hashed features
 * @param nonZeroWeights features the training actually used
 * @param trainingAccuracy share of training reviews it labels right
 * @param heldOutAccuracy share of unseen reviews it labels right (the corpus has 2% label noise,
 *     so about 0.98 is the best possible)
 * @param checksum a digest of the weights: equal checksums mean the same model
 * @param trainingTime how long building the model took, corpus generation included
 */
public record ModelStats(
    int trainingDocuments,
    int heldOutDocuments,
    int epochs,
    int buckets,
    int nonZeroWeights,
    double trainingAccuracy,
    double heldOutAccuracy,
    String checksum,
    Duration trainingTime) {}
