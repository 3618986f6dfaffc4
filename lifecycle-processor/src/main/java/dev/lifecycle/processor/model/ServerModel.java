package dev.lifecycle.processor.model;

/**
 * What {@code @Server} declares besides the options every service has.
 *
 * @param port the TCP port the class's enter hooks open, 1 to 65535
 * @param startupTimeoutSeconds how long the container waits for the port, at least 1
 */
public record ServerModel(int port, int startupTimeoutSeconds) {}
