/**
 * The supervisor's side of each container (its connection, pending calls, start and state), the
 * snapshot plan and the starts it decides. Not an API.
 */
package dev.lifecycle.pool.internal.supervisor;
