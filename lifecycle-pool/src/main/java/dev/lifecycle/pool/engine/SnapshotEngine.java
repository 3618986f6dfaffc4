package dev.lifecycle.pool.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What takes and restores the memory snapshots of a pool's worker JVMs, on the supervisor's
 * side. The pool asks it, in this order: is it usable here ({@link #check}), how to launch a
 * worker it may checkpoint ({@link #launchPrefix}, {@link #checkpointPolicy}), to checkpoint that
 * worker at its snapshot point ({@link #checkpoint}), and to restore the image as each further
 * container ({@link #restore}). The pool keeps the images in its snapshot store, keyed among other
 * things by {@link EngineCheck.Ready#identity()}, and falls back to cold starts, saying why, when
 * any step fails.
 *
 * <p>{@code dev.lifecycle.pool.criu.CriuEngine} is the default; {@link SimulatedSnapshotEngine}
 * needs neither root nor CRIU, for tests of pools on any machine. Implementations are
 * thread-safe: several restores of one image run at once.
 */
public interface SnapshotEngine {

  /** A short name for logs, messages and timelines, e.g. {@code "criu"}. */
  String name();

  /**
   * Finds the engine and checks that it works on this machine, once per engine instance (later
   * calls return the first answer); never throws for a missing or broken engine: it says why.
   */
  EngineCheck check();

  /**
   * The command words a worker that may be checkpointed is started under, before {@code setsid
   * java ...}; empty when it needs none. The CRIU engine's, for instance, puts the JVM first in a pid
   * namespace of its own, so that clones of one image do not fight over pids.
   */
  List<String> launchPrefix();

  /** What a worker must refuse to be checkpointed with. */
  CheckpointPolicy checkpointPolicy();

  /**
   * Checkpoints the running worker JVM {@code pid} into {@code imageDirectory}, an empty
   * directory the store created for it, and leaves the worker running (it goes on as the pool's
   * first container). Writes into the directory everything a {@link #restore} will need: nothing
   * of the supervisor's own state may be needed to restore it later, or by another supervisor.
   *
   * @throws SnapshotEngineException when the worker cannot be checkpointed; the message says why
   */
  void checkpoint(long pid, Path imageDirectory) throws SnapshotEngineException;

  /**
   * Starts a new worker from the image in {@code imageDirectory}, with the standard input and
   * output the request names, and returns it running. The image is only read.
   *
   * @throws SnapshotEngineException when the image cannot be restored; nothing of the attempt is
   *     left running then
   */
  WorkerProcess restore(Path imageDirectory, RestoreRequest request) throws SnapshotEngineException;
}
