package dev.lifecycle.runtime.internal;

import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * The items of a streaming call, handed from the thread that produces them (the input, in its
 * container) to the caller's stream through a queue of {@value #CAPACITY}: the producer waits
 * when the caller is behind, so neither side holds more than that. Closing the caller's stream
 * early interrupts the producer and closes the method's own stream.
 */
public final class StreamedItems {

  /** How many items may wait for the caller. */
  static final int CAPACITY = 16;

  private static final Object END = new Object();

  private record Failure(RuntimeException exception) {}

  /** The items, then how the stream ends ({@link #END} or a {@link Failure}): at most one each. */
  private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
  /** Items the producer may still hand over before the caller takes some: the bound. */
  private final Semaphore room = new Semaphore(CAPACITY);
  /** Guarded by {@code this}: whether the end or a failure was handed over. */
  private boolean ended;
  /** Guarded by {@code this}: the producing thread while it produces, and whether the caller left. */
  private Thread producer;
  private boolean closed;

  /**
   * Hands over every item of {@code source}, then the end; on the producing thread. Returns early,
   * closing {@code source}, when the caller closed its stream.
   */
  public void produce(Stream<?> source, String method) throws InterruptedException {
    if (source == null) {
      throw new IllegalStateException("@Method " + method + " returned null instead of a Stream;"
          + " return Stream.empty() for no items.");
    }
    synchronized (this) {
      if (closed) {
        source.close();
        return;
      }
      producer = Thread.currentThread();
    }
    boolean complete = false;
    try {
      Iterator<?> each = source.iterator();
      while (each.hasNext()) {
        Object item = each.next();
        room.acquire();
        if (!hand(item == null ? NULL : item)) {
          return; // the caller left, or the call failed meanwhile
        }
      }
      complete = true;
    } finally {
      try {
        source.close(); // before the end: a failure to close is the call's failure
      } finally {
        synchronized (this) {
          producer = null;
        }
        Thread.interrupted(); // a close that came as production ended must not hit the next input
      }
    }
    if (complete) {
      end(END);
    }
  }

  /** Hands {@code item} over unless the stream ended (closed by the caller, or failed). */
  private synchronized boolean hand(Object item) {
    if (closed || ended) {
      return false;
    }
    items.add(item);
    return true;
  }

  /** The call failed, before or while producing: the caller's stream ends with {@code failure}. */
  public void fail(RuntimeException failure) {
    end(new Failure(failure)); // after the items already handed over, which still arrive
  }

  private synchronized void end(Object how) {
    if (!ended) {
      ended = true;
      items.add(how);
    }
  }

  /** The caller's side: the items as they come, ending with the end or the call's failure. */
  public Stream<Object> stream() {
    return TakenStream.of(this::take, END, this::close).map(item -> item == NULL ? null : item);
  }

  private Object take() {
    Object item;
    try {
      item = items.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new CancellationException("Interrupted while waiting for the next item of a stream;"
          + " the stream was closed.");
    }
    if (item instanceof Failure failure) {
      items.add(failure); // it stays the answer to every later look
      throw failure.exception();
    }
    if (item == END) {
      items.add(END);
    } else {
      room.release();
    }
    return item;
  }

  /** The caller left: the producer stops at its next item, or at once when it waits. */
  private synchronized void close() {
    closed = true;
    if (producer != null) {
      producer.interrupt();
    }
    end(END); // an iterator taken before the close ends, instead of waiting for items
  }

  /** Stands for a {@code null} item, which a queue cannot hold. */
  private static final Object NULL = new Object();
}
