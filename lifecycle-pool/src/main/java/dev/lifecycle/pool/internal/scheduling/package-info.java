/**
 * Which container serves the next call, when the pool starts another, which idle ones it stops,
 * and how many containers a fixed-port service may run. Not an API.
 */
package dev.lifecycle.pool.internal.scheduling;
