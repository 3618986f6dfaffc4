package dev.lifecycle.it.services;

import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Streams of items, made one at a time, that say how far they got and whether they were closed. */
@Service
public class StreamingService {

  public final AtomicInteger produced = new AtomicInteger();
  public final AtomicBoolean closed = new AtomicBoolean();
  public final CountDownLatch release = new CountDownLatch(1);

  /** {@code "item 0"} to {@code "item n-1"}. */
  @Method
  public Stream<String> count(int n) {
    return IntStream.range(0, n).mapToObj(i -> "item " + i);
  }

  /** The first item at once, the second only once the test releases it: to see items stream. */
  @Method
  public Stream<String> slow() {
    return Stream.of("first", "second").peek(item -> {
      if (item.equals("second")) {
        await();
      }
    });
  }

  /** Numbers without end, until the caller closes its stream. */
  @Method
  public Stream<Integer> endless() {
    return Stream.iterate(0, i -> i + 1).peek(i -> produced.incrementAndGet())
        .onClose(() -> closed.set(true));
  }

  /** Fails after two items. */
  @Method
  public Stream<String> breaks() {
    return Stream.of("a", "b", "c").peek(item -> {
      if (item.equals("c")) {
        throw new IllegalStateException("broken at c");
      }
    });
  }

  /** Not a stream at all: a broken streaming method. */
  @Method
  public Stream<String> none() {
    return null;
  }

  private void await() {
    try {
      if (!release.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
