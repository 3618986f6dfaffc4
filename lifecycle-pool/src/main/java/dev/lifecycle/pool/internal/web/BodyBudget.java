package dev.lifecycle.pool.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of request bodies the pool's web address holds at once, across all requests, so
 * that however many large uploads arrive together the supervisor's heap holds a bounded amount of
 * them.
 *
 * <p>Bodies up to {@link #SMALL_BYTES} are read in chunks from a shared pool, each chunk reserved
 * before it is allocated. A larger body takes one of a few large turns, in arrival order, which
 * covers a whole body up to the limit: large uploads arriving together are read one (or a few) at
 * a time, each to its end, instead of starving each other.
 */
final class BodyBudget {

  /** What a read came to. */
  sealed interface Read {
    /** The whole body, in chunks, held until {@link BodyBudget#release}d. */
    record Whole(List<byte[]> chunks, long size, int smallChunks, boolean largeTurn)
        implements Read {}

    /** Longer than the limit: nothing is held. */
    record TooLarge() implements Read {}

    /** The budget stayed spent by other requests for {@link #WAIT_MILLIS}: nothing is held. */
    record OverBudget() implements Read {}
  }

  static final int CHUNK_BYTES = 64 * 1024;
  /** Up to this, a body is read from the shared chunks; beyond, it needs a large turn. */
  static final int SMALL_BYTES = 1024 * 1024;
  /** How long a request waits for others to give budget back before it is answered 503. */
  private static final long WAIT_MILLIS = 30_000;

  private final Semaphore smallChunks;
  private final Semaphore largeTurns;
  /** Bodies read past {@link #SMALL_BYTES} waiting for a turn, each holding that much meanwhile. */
  private final Semaphore waiting;
  private final long totalBytes;

  /**
   * About a quarter of this JVM's heap, at most 256 MiB: a sixteenth of it for small bodies (at
   * least 8 MiB), the rest in large turns of {@code limit} bytes, at least one.
   */
  static BodyBudget forThisJvm(int limit) {
    long quarter = Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4);
    long small = Math.max(8L * 1024 * 1024, quarter / 4);
    int turns = (int) Math.max(1, (quarter - small) / limit);
    return new BodyBudget(small, turns, limit);
  }

  BodyBudget(long smallBytes, int turns, int limit) {
    this.smallChunks = new Semaphore((int) Math.max(1, smallBytes / CHUNK_BYTES));
    this.largeTurns = new Semaphore(turns, true);
    // Half the small chunks at most are held by bodies waiting for a turn: small requests keep
    // the other half.
    this.waiting = new Semaphore((int) Math.max(1, smallBytes / SMALL_BYTES / 2));
    this.totalBytes = smallBytes + (long) turns * limit;
  }

  /** The most all bodies held at once come to. */
  long totalBytes() {
    return totalBytes;
  }

  /**
   * Reads {@code in} to its end, or until more than {@code limit} bytes came. Closes it only when
   * it read it whole: the caller decides what happens to the rest of a body it did not take.
   */
  Read read(InputStream in, int limit) throws IOException {
    List<byte[]> read = new ArrayList<>();
    int small = 0; // shared chunks held: one per chunk read, and one for the chunk being filled
    boolean largeTurn = false;
    long size = 0;
    try {
      while (true) {
        if (!largeTurn && size >= SMALL_BYTES) {
          if (!waiting.tryAcquire()) {
            smallChunks.release(small);
            return new Read.OverBudget(); // as many large bodies wait already as may
          }
          boolean got;
          try {
            got = largeTurns.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
          } finally {
            waiting.release();
          }
          if (!got) {
            smallChunks.release(small);
            return new Read.OverBudget();
          }
          largeTurn = true; // the turn covers the whole body, what was read of it too
          smallChunks.release(small);
          small = 0;
        }
        if (!largeTurn) {
          if (!smallChunks.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            smallChunks.release(small);
            return new Read.OverBudget();
          }
          small++;
        }
        byte[] chunk = new byte[CHUNK_BYTES];
        int n = in.readNBytes(chunk, 0, CHUNK_BYTES);
        size += n;
        if (size > limit) {
          giveBack(small, largeTurn);
          return new Read.TooLarge();
        }
        if (n < CHUNK_BYTES) {
          if (n > 0) {
            read.add(Arrays.copyOf(chunk, n));
          } else if (!largeTurn) {
            smallChunks.release();
            small--;
          }
          in.close();
          return new Read.Whole(read, size, small, largeTurn);
        }
        read.add(chunk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      giveBack(small, largeTurn);
      return new Read.OverBudget();
    } catch (IOException | RuntimeException | Error e) {
      giveBack(small, largeTurn);
      throw e;
    }
  }

  /** Gives a whole body's share back. */
  void release(Read.Whole body) {
    giveBack(body.smallChunks(), body.largeTurn());
  }

  private void giveBack(int small, boolean largeTurn) {
    smallChunks.release(small);
    if (largeTurn) {
      largeTurns.release();
    }
  }
}
