/**
 * The check a worker runs before it is checkpointed: every open descriptor the JVM does not own
 * is named, with the hook that should close it. Not an API.
 */
package dev.lifecycle.runtime.internal.safety;
