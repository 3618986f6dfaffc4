package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A hold on one snapshot key that says "in use": a pool holds it while it may restore the key's
 * image, and the store evicts or prunes an image only when nobody holds its key's lease.
 *
 * <p>Many may hold a lease at once: across processes it is a shared file lock on the key's use
 * file; within one JVM (where the JDK refuses a second lock on the same file) the holders are
 * counted, and the first one takes the file lock for all of them. Eviction takes the same file
 * exclusively, without waiting: it fails while any lease is held, here or elsewhere.
 *
 * <p>Separate from the key's build lock ({@link KeyLock}): a pool that holds a lease must still be
 * able to rebuild a broken image under the build lock.
 */
public final class SnapshotLease implements AutoCloseable {

  /** Open leases of this JVM, by use file; guarded by itself. */
  private static final Map<Path, Holders> HELD = new HashMap<>();

  private final Path useFile;
  private boolean closed;

  private SnapshotLease(Path useFile) {
    this.useFile = useFile;
  }

  /** Holds {@code useFile}; waits only while another process evicts (a rename's time). */
  static SnapshotLease acquire(Path useFile) throws IOException {
    Path key = useFile.toAbsolutePath().normalize();
    synchronized (HELD) {
      Holders holders = HELD.get(key);
      if (holders == null) {
        LockFiles.createIfMissing(key);
        FileChannel channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
          holders = new Holders(channel, sharedLock(channel, key));
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        HELD.put(key, holders);
      }
      holders.count++;
    }
    return new SnapshotLease(key);
  }

  /** How long a lease waits for another process's eviction, a rename, before it gives up. */
  private static final long EVICTION_WAIT_MILLIS = 30_000;

  /**
   * The shared lock, waited for in steps rather than at once: the wait happens under this JVM's
   * monitor of all leases, so a process that holds the file exclusively for long (a suspended
   * {@code lifecycle snapshots prune}) must not hold up every lease of this JVM for good.
   */
  private static FileLock sharedLock(FileChannel channel, Path useFile) throws IOException {
    long deadline = System.nanoTime() + EVICTION_WAIT_MILLIS * 1_000_000;
    while (true) {
      FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("the snapshot of " + useFile.getFileName() + " has been held"
            + " exclusively by another process (removing it from the store) for longer than "
            + EVICTION_WAIT_MILLIS / 1000 + " s: look for a stopped 'lifecycle snapshots prune'"
            + " or pool process using this store");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for " + useFile);
      }
    }
  }

  /** Something done to a snapshot only when nobody uses it. */
  @FunctionalInterface
  interface WhileUnused {
    void run() throws IOException;
  }

  /**
   * Runs {@code action} holding {@code useFile} exclusively, if nobody holds a lease on it: false,
   * without running it, when someone does.
   */
  static boolean ifUnused(Path useFile, WhileUnused action) throws IOException {
    Path key = useFile.toAbsolutePath().normalize();
    synchronized (HELD) {
      if (HELD.containsKey(key)) {
        return false;
      }
      LockFiles.createIfMissing(key);
      try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock exclusive = channel.tryLock();
        if (exclusive == null) {
          return false;
        }
        try {
          action.run();
        } finally {
          exclusive.release();
        }
        return true;
      }
    }
  }

  /** Whether a lease on {@code useFile} is held now, in this JVM or by another process. */
  static boolean isHeld(Path useFile) throws IOException {
    boolean[] free = {false};
    ifUnused(useFile, () -> free[0] = true);
    return !free[0];
  }


  /** Gives the lease back; idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Holders holders = HELD.get(useFile);
      if (holders != null && --holders.count == 0) {
        HELD.remove(useFile);
        try {
          holders.lock.release();
        } finally {
          holders.channel.close();
        }
      }
    }
  }

  /** The file lock this JVM holds for all of its leases on one file. */
  private static final class Holders {
    final FileChannel channel;
    final FileLock lock;
    int count;

    Holders(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }
}
