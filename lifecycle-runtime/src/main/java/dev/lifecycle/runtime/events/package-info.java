/**
 * Lifecycle's JDK Flight Recorder events, all in the category "Lifecycle": a container's start
 * ({@code dev.lifecycle.ContainerStart}, cold, checkpointed or restored, in one JVM or as a
 * pool saw it), a checkpoint ({@code dev.lifecycle.Checkpoint}), an input ({@code
 * dev.lifecycle.Input}, a call or a web request) and a pool's scaling ({@code
 * dev.lifecycle.Scaling}). Record them with {@code jcmd <pid> JFR.start} or JDK Mission Control;
 * unrecorded, they cost nothing.
 */
package dev.lifecycle.runtime.events;
