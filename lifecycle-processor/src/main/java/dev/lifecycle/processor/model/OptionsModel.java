package dev.lifecycle.processor.model;

/**
 * The runtime options of {@code @Service}, defaults filled in.
 *
 * @param maxConcurrentInputs at least 1
 * @param inputTimeoutSeconds at least 1
 * @param exitGracePeriodSeconds at least 0
 */
public record OptionsModel(
    int maxConcurrentInputs, int inputTimeoutSeconds, int exitGracePeriodSeconds) {}
