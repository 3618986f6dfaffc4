package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.pool.engine.CheckpointPolicy;
import dev.lifecycle.pool.internal.protocol.RestoreStateLine;
import dev.lifecycle.pool.internal.protocol.WireMessage.CheckpointReady;
import dev.lifecycle.pool.internal.protocol.WireMessage.CheckpointRefused;
import dev.lifecycle.pool.internal.protocol.WireMessage.Hello;
import dev.lifecycle.pool.internal.protocol.WireMessage.Quiescing;
import dev.lifecycle.pool.internal.protocol.WireMessage.RestoreState;
import dev.lifecycle.runtime.SnapshotOutcome;
import dev.lifecycle.runtime.checkpoint.CheckpointEngine;
import dev.lifecycle.runtime.checkpoint.SnapshotPoint;
import dev.lifecycle.runtime.internal.RestoreValues;
import dev.lifecycle.runtime.internal.safety.CheckpointSafety;
import dev.lifecycle.runtime.internal.safety.UnsafeCheckpointException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.ObjectName;

/**
 * The snapshot step of a worker JVM. The supervisor runs the snapshot engine; this side gets the
 * process ready for it and, once it returns (in the original and in every clone), finds out who
 * it now is.
 *
 * <ol>
 *   <li>Tell the supervisor, close the connection, collect garbage and let the JIT compilers
 *       finish (a smaller image, a lighter start for every clone), and check that nothing else is
 *       open that a checkpoint cannot carry ({@link CheckpointSafety}, unless the engine's {@link
 *       CheckpointPolicy} allows everything). When something is, reconnect, say why
 *       ({@link CheckpointRefused}) and carry on as a cold start.
 *   <li>Reconnect to say {@link CheckpointReady}, close again, and block reading one {@link
 *       RestoreState} line from standard input. The engine checkpoints the process right there.
 *   <li>The line arrives: in the original (on its stdin pipe, after the checkpoint) or in a clone
 *       (whose stdin the engine replaced with a file holding its own line). Apply it: container
 *       id, restore-time environment, fresh seeds for registered random generators; reconnect to
 *       the socket it names; return {@code CHECKPOINTED} or {@code RESTORED}.
 * </ol>
 *
 * <p>A worker that replays its snap hooks instead of being restored from an image ({@link
 * WorkerArguments#replay()}) skips the first two steps: it goes straight to waiting for its line.
 *
 * <p>When standard input ends instead (the supervisor died while this process waited), or the
 * supervisor cannot be reached after the restore, the engine throws {@link SupervisorGone}: the
 * container's exit hooks run and the JVM exits.
 */
final class WorkerCheckpointEngine implements CheckpointEngine {

  private static final System.Logger LOG = System.getLogger(WorkerCheckpointEngine.class.getName());
  /** How long the snapshot point waits at most for the JIT compilers ({@link JitQuiescence}). */
  private static final Duration JIT_WAIT_LIMIT = Duration.ofSeconds(5);

  private final SupervisorLink link;
  private final WorkerArguments arguments;
  /** The token this worker was launched with; its restore state brings the next one. */
  private final String launchToken;

  WorkerCheckpointEngine(SupervisorLink link, WorkerArguments arguments, String launchToken) {
    this.link = link;
    this.arguments = arguments;
    this.launchToken = launchToken;
  }

  @Override
  public String name() {
    return arguments.checkpoint() ? arguments.engine() : "none";
  }

  @Override
  public SnapshotOutcome checkpoint(SnapshotPoint point) {
    if (!arguments.checkpoint()) {
      return SnapshotOutcome.skipped("the pool runs without memory snapshots (its log says why);"
          + " the snap hooks ran in this container");
    }
    if (arguments.replay()) {
      return continueAfterSnapshotPoint(point, true);
    }
    ProtocolWarmUp.run(point.service());
    RestorePathClasses.load();
    RestoreValues.prepare();
    link.send(new Quiescing());
    link.detach();
    settle();
    try {
      if (arguments.checkpointPolicy() == CheckpointPolicy.REFUSE_UNOWNED_RESOURCES) {
        CheckpointSafety.check();
      }
    } catch (UnsafeCheckpointException unsafe) {
      reconnect(arguments.socketPath(), hello(arguments.containerId(), false, launchToken));
      link.send(new CheckpointRefused(unsafe.getMessage()));
      // Uncheckpointed, it still gets the restore-time values, which its launch left out.
      RestoreState state = awaitRestoreState();
      RestoreValues.apply(state.containerId(), state.environment(), false);
      return SnapshotOutcome.failed(unsafe.getMessage());
    }
    reconnect(arguments.socketPath(), hello(arguments.containerId(), false, launchToken));
    link.send(new CheckpointReady());
    link.detach();
    return continueAfterSnapshotPoint(point, false);
  }

  /**
   * Waits for the restore state and becomes the container it names. {@code replayed}: this JVM
   * ran its snap hooks again instead of being restored from a memory image, and what it kept for
   * the supervisor meanwhile is not what a restored clone would have: it is dropped.
   */
  private SnapshotOutcome continueAfterSnapshotPoint(SnapshotPoint point, boolean replayed) {
    if (replayed) {
      link.discardBacklog();
    }
    RestoreState state = awaitRestoreState();
    RestoreValues.apply(state.containerId(), state.environment(), state.restored());
    point.continueAs(state.containerId());
    if (state.restored()) {
      int reseeded = RestoreValues.reseedAll();
      // No lambda on a clone's way to serving: each is linked after the restore, a millisecond.
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "restored as " + state.containerId() + "; reseeded " + reseeded
            + " registered random generator(s)");
      }
    }
    reconnect(Path.of(state.socketPath()),
        hello(state.containerId(), state.restored(), state.token()));
    if (state.restored()) {
      return SnapshotOutcome.restored("this container is a restore of the memory snapshot");
    }
    if (state.snapshotFailure() != null) {
      return SnapshotOutcome.failed(state.snapshotFailure());
    }
    return SnapshotOutcome.checkpointed("the memory snapshot was taken of this container");
  }

  /**
   * Makes the image smaller before the checkpoint and the clones' start lighter: the heap shrunk
   * to its live objects and its room to allocate committed again untouched ({@link HeapShape}),
   * the JIT compilers' queue left to drain ({@link JitQuiescence}), then freed native memory given
   * back to the system ({@code System.trim_native_heap}, JDK 17.0.9 and later), so the checkpoint
   * and every restore copy fewer pages. Before the safety check, which then also sees any file the
   * trim opened for a moment closed again.
   */
  private static void settle() {
    HeapShape.shape();
    Duration waited = JitQuiescence.await(JIT_WAIT_LIMIT);
    LOG.log(Level.DEBUG, () -> "before the checkpoint: waited " + waited.toMillis()
        + " ms for the JIT compilers to finish their queue");
    try {
      Object result =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "systemTrimNativeHeap",
                  new Object[] {null},
                  new String[] {String[].class.getName()});
      LOG.log(Level.DEBUG, () -> "before the checkpoint: " + result);
    } catch (Exception | LinkageError notAvailable) {
      // An older JDK without the command: the image is only larger.
      LOG.log(Level.DEBUG, () -> "cannot trim the native heap: " + notAvailable);
    }
  }

  private static RestoreState awaitRestoreState() {
    // Not System.in: its buffer would keep bytes read ahead, and the clones' state must come from
    // their own stdin, read after the restore.
    @SuppressWarnings("resource") // fd 0 stays open: it is the process's standard input
    InputStream stdin = new FileInputStream(FileDescriptor.in);
    try {
      return RestoreStateLine.read(stdin);
    } catch (IOException e) {
      throw new SupervisorGone("waiting at the snapshot point for the supervisor's restore state: "
          + e.getMessage(), e);
    }
  }

  private void reconnect(Path socket, Hello hello) {
    try {
      link.attach(socket, hello);
    } catch (IOException e) {
      throw new SupervisorGone(e.getMessage(), e);
    }
  }

  private static Hello hello(String containerId, boolean restored, String token) {
    return new Hello(containerId, ProcessHandle.current().pid(), restored, token);
  }

  /**
   * The supervisor is gone while the container starts. An {@link Error} on purpose: the runtime
   * treats an engine's exception as a failed snapshot and carries on as a cold start, but there is
   * no one left to serve, so the container must fail and run its exit hooks.
   */
  static final class SupervisorGone extends Error {
    private static final long serialVersionUID = 1L;

    SupervisorGone(String message, Throwable cause) {
      super("The supervisor is gone: " + message, cause);
    }
  }
}
