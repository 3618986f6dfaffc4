/**
 * The snapshot step of a container, for engines that take one: {@link
 * dev.lifecycle.runtime.checkpoint.CheckpointEngine} and the {@link
 * dev.lifecycle.runtime.checkpoint.SnapshotPoint} it is called at.
 */
package dev.lifecycle.runtime.checkpoint;
