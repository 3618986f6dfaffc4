/**
 * The snapshot engine interface of the supervisor side, {@link
 * dev.lifecycle.pool.engine.SnapshotEngine}, what it returns, and {@link
 * dev.lifecycle.pool.engine.SimulatedSnapshotEngine}, which needs neither root nor CRIU.
 */
package dev.lifecycle.pool.engine;
