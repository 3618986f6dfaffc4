/**
 * Pools of worker JVMs whose containers start from a memory snapshot: {@link
 * dev.lifecycle.pool.ContainerPool} is the entry point, {@link dev.lifecycle.pool.ContainerPoolBuilder}
 * configures it, {@link dev.lifecycle.pool.ContainerInfo} and {@link dev.lifecycle.pool.SnapshotStatus}
 * say what it runs.
 */
package dev.lifecycle.pool;
