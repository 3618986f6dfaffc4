package dev.lifecycle.pool.internal.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.pool.internal.protocol.WireMessage.StreamItem;
import dev.lifecycle.runtime.internal.TakenStream;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The items of one streaming call through a worker, for its caller: they arrive from the
 * connection's reader and wait here, at most {@value #CREDITS} of them, the worker sending one
 * more for each the caller took. Closing the stream before its end cancels the call in the worker.
 */
public final class RemoteItems {

  /** How many items the worker may send ahead of the caller: as the protocol says. */
  static final int CREDITS = StreamItem.INITIAL_CREDITS;
  /** Credits go back in groups of this many items taken, not one frame per item. */
  private static final int CREDIT_BATCH = CREDITS / 2;

  private static final Object END = new Object();

  private record Failure(RuntimeException exception) {}

  private final WorkerContainer container;
  private final String method;
  /** At most {@link #CREDITS} items, then how the call ended. */
  private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
  private PendingCalls.Pending call;
  private volatile boolean over;
  /** Guarded by {@code this}: items the worker may still send, and items taken not yet credited. */
  private int credited = CREDITS;
  private int takenSinceCredit;

  RemoteItems(WorkerContainer container, String method) {
    this.container = container;
    this.method = method;
  }

  void started(PendingCalls.Pending pending) {
    this.call = pending;
  }

  /** From the reader: the next item; one beyond the credits given is the worker's fault. */
  void arrived(JsonNode item) {
    boolean beyond;
    synchronized (this) {
      beyond = credited == 0;
      if (!beyond) {
        credited--;
      }
    }
    if (beyond) {
      container.sentBeyondCredits(method); // ends the call, and so this stream, with a failure
      return;
    }
    items.add(item);
  }

  /** From the reader, once: the call's answer came (the end), or its failure. */
  void ended(Throwable failure) {
    over = true;
    if (failure == null) {
      items.add(END);
    } else {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      items.add(new Failure(cause instanceof RuntimeException runtime
          ? runtime : new IllegalStateException(cause)));
    }
  }

  /** The items as a stream: in order, each taken as the caller reads. */
  public Stream<JsonNode> stream() {
    return TakenStream.of(this::take, END, this::close).map(JsonNode.class::cast);
  }

  private Object take() {
    Duration patience = container.answerDeadline();
    Object item;
    try {
      item = items.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
      if (item == null) {
        // Nothing for a whole input timeout and more: taken for hung, like any silent call.
        container.unresponsive("a stream of '" + method + "'");
        item = items.take();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new CancellationException("Interrupted while waiting for the next item of '" + method
          + "'; the stream was closed and the call cancelled.");
    }
    if (item instanceof Failure failure) {
      items.add(failure); // it stays the answer to every later look
      throw failure.exception();
    }
    if (item == END) {
      items.add(END);
    } else {
      int credit = 0;
      synchronized (this) {
        if (++takenSinceCredit == CREDIT_BATCH) {
          credit = takenSinceCredit;
          takenSinceCredit = 0;
          credited += credit;
        }
      }
      if (credit > 0) {
        container.credit(call, credit);
      }
    }
    return item;
  }

  /** The caller left: a call not yet over is cancelled in the worker. */
  private void close() {
    if (!over) {
      container.cancelStream(call);
    }
  }
}
