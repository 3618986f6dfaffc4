package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.internal.protocol.WireMessage.Ready;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far one worker got in its start: whether it reached its snapshot point (ready to be
 * checkpointed, or refusing), and whether it became ready to serve or failed. Each outcome is
 * decided once; waiting threads wake up as soon as it is.
 */
final class WorkerStartup {

  /** What a worker did at its snapshot point, as far as the supervisor is concerned. */
  enum SnapshotPointOutcome {
    /** It waits on its standard input to be checkpointed. */
    READY_FOR_CHECKPOINT,
    /** It refused ({@link #refusal()} says why) and continues as a cold start. */
    REFUSED,
    /** It became ready without reaching a snapshot point: the service takes no snapshots. */
    NO_SNAPSHOT_POINT
  }

  private final CompletableFuture<Ready> ready = new CompletableFuture<>();
  /** Completes with empty when the worker is ready to be checkpointed, with a reason when it refused. */
  private final CompletableFuture<Optional<String>> checkpoint = new CompletableFuture<>();

  void ready(Ready message) {
    ready.complete(message);
  }

  void failed(RuntimeException failure) {
    ready.completeExceptionally(failure);
  }

  void readyForCheckpoint() {
    checkpoint.complete(Optional.empty());
  }

  void refusedCheckpoint(String reason) {
    checkpoint.complete(Optional.of(reason));
  }

  /** Whether the start is decided: ready or failed, or (when asked) at its snapshot point. */
  boolean decided(boolean orSnapshotPoint) {
    return ready.isDone() || (orSnapshotPoint && checkpoint.isDone());
  }

  /** Waits up to {@code millis} for any outcome. */
  void awaitAnyOutcome(long millis) throws InterruptedException {
    try {
      CompletableFuture.anyOf(ready, checkpoint).get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // not decided yet, or decided as a failure: the caller looks
    }
  }

  boolean failedToStart() {
    return ready.isCompletedExceptionally();
  }

  /** Once {@link #decided decided} with the snapshot point: what the worker did there. */
  SnapshotPointOutcome snapshotPointOutcome() {
    if (!checkpoint.isDone()) {
      return SnapshotPointOutcome.NO_SNAPSHOT_POINT;
    }
    return checkpoint.join().isEmpty()
        ? SnapshotPointOutcome.READY_FOR_CHECKPOINT
        : SnapshotPointOutcome.REFUSED;
  }

  /** Why the worker refused to be checkpointed; empty unless it did. */
  Optional<String> refusal() {
    return checkpoint.isDone() ? checkpoint.join() : Optional.empty();
  }

  /** Once {@link #decided decided}: the Ready message, or what the start failed with, thrown. */
  Ready result() {
    try {
      return ready.join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }
}
