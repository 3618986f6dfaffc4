/**
 * The worker JVM's main class: it hosts one container for a supervisor, prepares it for the
 * checkpoint and becomes the container its restore state names. Not an API.
 */
package dev.lifecycle.pool.internal.worker;
