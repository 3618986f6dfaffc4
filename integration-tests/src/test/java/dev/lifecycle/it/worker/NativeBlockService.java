package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Unsafe;

/**
 * A snap hook that fills two blocks of native memory from glibc's {@code malloc}, every page of
 * them, as a native library's buffers would be; calls that check them and grow the upper one with
 * {@code realloc}, which glibc does by asking the kernel to grow the block's mapping ({@code
 * mremap}).
 *
 * <p>Each block is 40 MiB, above the size from which glibc gives every block a mapping of its
 * own. The two are next to each other, the lower one's mapping right below the upper one's (the
 * hook allocates until two are), so that the kernel shows the two as one area and the upper block
 * starts inside it.
 */
@Service(enableMemorySnapshot = true)
public class NativeBlockService {

  private static final long MIB = 1024 * 1024;
  private static final long PAGE = 4096;
  private static final long SIZE = 40 * MIB;
  /** A block's mapping: the block and glibc's 16-byte header, in whole pages. */
  private static final long MAPPING = SIZE + PAGE;
  private static final Unsafe UNSAFE = unsafe();

  private long upper;
  private long lower;
  private long upperSize = SIZE;

  @Enter(snap = true)
  void fill() {
    List<Long> strays = new ArrayList<>();
    long previous = UNSAFE.allocateMemory(SIZE);
    for (int attempt = 0; attempt < 16 && upper == 0; attempt++) {
      long next = UNSAFE.allocateMemory(SIZE);
      if (previous - next == MAPPING) {
        upper = previous;
        lower = next;
      } else {
        strays.add(previous);
        previous = next;
      }
    }
    strays.forEach(UNSAFE::freeMemory);
    if (upper == 0) {
      throw new IllegalStateException("glibc placed no two blocks next to each other");
    }
    write(lower, 0, SIZE);
    write(upper, 0, SIZE);
  }

  @Method
  public boolean restored() {
    return RestoreEnvironment.restored();
  }

  /** Where the upper block and the lower one start: the addresses {@code malloc} returned. */
  @Method
  public long[] addresses() {
    return new long[] {upper, lower};
  }

  /** Whether every page of both blocks still holds what was written there. */
  @Method
  public boolean intact() {
    return intact(lower, SIZE) && intact(upper, upperSize);
  }

  /** Grows the upper block to {@code mebibytes} with {@code realloc}, writes its new pages. */
  @Method
  public boolean growUpper(int mebibytes) {
    long from = upperSize;
    upperSize = mebibytes * MIB;
    upper = UNSAFE.reallocateMemory(upper, upperSize);
    write(upper, from, upperSize);
    return intact();
  }

  /** Writes each page of the block from {@code from} on, and its last byte. */
  private static void write(long block, long from, long size) {
    for (long offset = from; offset < size; offset += PAGE) {
      UNSAFE.putLong(block + offset, offset);
    }
    // The block's last page too (glibc's block runs a few bytes into it): all of it is in the image.
    UNSAFE.putByte(block + size - 1, (byte) 1);
  }

  private static boolean intact(long block, long size) {
    for (long offset = 0; offset < size; offset += PAGE) {
      if (UNSAFE.getLong(block + offset) != offset) {
        return false;
      }
    }
    return UNSAFE.getByte(block + size - 1) == 1;
  }

  private static Unsafe unsafe() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
