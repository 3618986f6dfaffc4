package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive hold on one snapshot key, across threads and processes.
 *
 * <p>Two layers because a file lock alone is not enough: the JDK holds {@link FileLock}s per JVM,
 * so a second thread asking for the same file gets an {@code OverlappingFileLockException} instead
 * of waiting. Threads queue on an in-JVM lock first; the holder then takes the file lock, which
 * makes other processes (other supervisors) wait.
 */
final class KeyLock implements AutoCloseable {

  private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private KeyLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Blocks until this thread holds {@code lockFile} (created, mode 0600, when missing). */
  static KeyLock acquire(Path lockFile) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock threadLock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
    threadLock.lock();
    FileChannel channel = null;
    try {
      LockFiles.createIfMissing(key);
      channel = FileChannel.open(key, StandardOpenOption.WRITE);
      return new KeyLock(threadLock, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  /**
   * This thread's hold on {@code lockFile} if nobody, in this JVM or another process, holds it
   * now; empty at once otherwise (a snapshot is being built or discarded under it).
   */
  static java.util.Optional<KeyLock> tryAcquire(Path lockFile) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock threadLock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
    if (!threadLock.tryLock()) {
      return java.util.Optional.empty();
    }
    if (threadLock.getHoldCount() > 1) {
      threadLock.unlock(); // this thread holds it already: to the caller, it is taken
      return java.util.Optional.empty();
    }
    FileChannel channel = null;
    try {
      LockFiles.createIfMissing(key);
      channel = FileChannel.open(key, StandardOpenOption.WRITE);
      FileLock fileLock = channel.tryLock();
      if (fileLock == null) {
        channel.close();
        threadLock.unlock();
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new KeyLock(threadLock, channel, fileLock));
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }


  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      threadLock.unlock();
    }
  }
}
