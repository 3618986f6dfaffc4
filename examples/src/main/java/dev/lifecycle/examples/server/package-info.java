/**
 * A {@code @Server}: the enter hook starts an HTTP server as a child process, the exit hook stops
 * it; the container is ready once its port accepts connections.
 */
package dev.lifecycle.examples.server;
