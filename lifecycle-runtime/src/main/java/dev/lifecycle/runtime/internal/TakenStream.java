package dev.lifecycle.runtime.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream whose items are taken one at a time, as the caller reads, until a marker says the end:
 * the caller's side of a streaming call, in one JVM and through a pool.
 */
public final class TakenStream {

  private TakenStream() {}

  /**
   * The items {@code take} gives (waiting for each), until it gives {@code end}; {@code onClose}
   * runs when the stream is closed.
   */
  public static Stream<Object> of(Supplier<Object> take, Object end, Runnable onClose) {
    Iterator<Object> iterator = new Iterator<>() {
      private Object next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = take.get();
        }
        return next != end;
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the stream has ended");
        }
        Object item = next;
        next = null;
        return item;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
        .onClose(onClose);
  }
}
