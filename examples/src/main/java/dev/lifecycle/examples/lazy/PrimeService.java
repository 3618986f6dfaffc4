package dev.lifecycle.examples.lazy;

import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lazy initialization: an expensive resource, here a prime sieve, built by the first call that
 * needs it rather than in an enter hook.
 *
 * <p>When to prefer this to {@code @Enter}: when many containers never need the resource, so that
 * paying for it at every start would be waste, or when the first request can afford to wait. The
 * price is that the first caller waits instead of the container's start, and that the code must
 * be thread-safe on its own: with {@code maxConcurrentInputs = 8}, several first calls can arrive
 * together. Double-checked locking on a {@code volatile} field builds the sieve exactly once;
 * the callers that arrive while it is being built wait for it, and later calls read the field
 * without taking the lock.
 *
 * <p>With memory snapshots, a lazily built resource is built after the snapshot, in every
 * container: build it in an {@code @Enter(snap = true)} hook instead when every container needs it.
 */
@Service(maxConcurrentInputs = 8)
public class PrimeService {

  static final int LIMIT = 20_000_000;

  private volatile Sieve sieve; // null until the first call that needs it
  private final AtomicInteger builds = new AtomicInteger();
  // A gauge of calls running at once, so that one can see them overlap.
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peakRunning = new AtomicInteger();

  /** Whether {@code n} is prime; {@code 0 <= n < LIMIT}. */
  @Method
  public boolean isPrime(int n) {
    return measured(() -> sieve().isPrime(n));
  }

  /** How many primes are below {@code n}; {@code 0 <= n <= LIMIT}. */
  @Method
  public int countBelow(int n) {
    return measured(() -> sieve().countBelow(n));
  }

  private Sieve sieve() {
    Sieve local = sieve; // one volatile read on the fast path
    if (local == null) {
      synchronized (this) {
        local = sieve;
        if (local == null) {
          local = new Sieve(LIMIT);
          builds.incrementAndGet();
          sieve = local; // published only when complete
        }
      }
    }
    return local;
  }

  /** How many times the sieve was built: 0 before the first call, then 1 forever. */
  public int builds() {
    return builds.get();
  }

  /** The most calls that ran at the same time so far. */
  public int peakConcurrentCalls() {
    return peakRunning.get();
  }

  private <R> R measured(Supplier<R> call) {
    peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      return call.get();
    } finally {
      running.decrementAndGet();
    }
  }

  /** The sieve of Eratosthenes below a limit, with running prime counts for fast range queries. */
  static final class Sieve {

    private final BitSet composite;
    private final int[] primesBefore; // primes below i * 1024
    private final int limit;

    Sieve(int limit) {
      this.limit = limit;
      composite = new BitSet(limit);
      composite.set(0, Math.min(2, limit));
      for (int p = 2; (long) p * p < limit; p = composite.nextClearBit(p + 1)) {
        for (int multiple = p * p; multiple < limit; multiple += p) {
          composite.set(multiple);
        }
      }
      primesBefore = new int[limit / 1024 + 1];
      int count = 0;
      for (int i = 0; i <= limit; i++) {
        if (i % 1024 == 0) {
          primesBefore[i / 1024] = count;
        }
        if (i < limit && !composite.get(i)) {
          count++;
        }
      }
    }

    boolean isPrime(int n) {
      check(n, limit - 1);
      return !composite.get(n);
    }

    int countBelow(int n) {
      check(n, limit);
      int block = n / 1024;
      int count = primesBefore[block];
      for (int i = block * 1024; i < n; i++) {
        if (!composite.get(i)) {
          count++;
        }
      }
      return count;
    }

    private static void check(int n, int max) {
      if (n < 0 || n > max) {
        throw new IllegalArgumentException(n + " is outside 0.." + max);
      }
    }
  }
}
