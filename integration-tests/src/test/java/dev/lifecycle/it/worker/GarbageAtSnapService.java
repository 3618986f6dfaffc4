package dev.lifecycle.it.worker;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * A snap hook that keeps 64 MiB and leaves 400 MiB of garbage behind, as an enter hook that parses
 * a large file would; a call that then needs 150 MiB of live heap, as a clone's work might.
 */
@Service(enableMemorySnapshot = true)
public class GarbageAtSnapService {

  /** What a container says about its heap. */
  public record Heap(boolean restored, long committedBytes, String minHeapFreeRatio,
      String maxHeapFreeRatio) {}

  /**
   * What a container had to allocate in: its committed and initial heap as the call began, and
   * how many collections allocating took.
   */
  public record Room(boolean restored, long committedBytes, long initialBytes, long collections) {}

  private byte[][] kept;

  @Enter(snap = true)
  void build() {
    kept = new byte[64][];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = new byte[1 << 20];
    }
    long checksum = 0;
    for (int i = 0; i < 400; i++) {
      byte[] garbage = new byte[1 << 20];
      garbage[i] = (byte) i;
      checksum += garbage[i];
    }
    kept[0][0] = (byte) checksum;
  }

  /** Allocates {@code mebibytes} of short-lived arrays, counting the collections meanwhile. */
  @Method
  public Room allocate(int mebibytes) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long before = collections();
    long checksum = 0;
    for (int i = 0; i < mebibytes * 16; i++) {
      byte[] garbage = new byte[64 * 1024];
      garbage[i % garbage.length] = (byte) i;
      checksum += garbage[i % garbage.length];
    }
    kept[1][0] = (byte) checksum;
    return new Room(RestoreEnvironment.restored(), heap.getCommitted(), heap.getInit(),
        collections() - before);
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  /** Holds {@code mebibytes} of live arrays at once for {@code holdMillis}, then reports the heap. */
  @Method
  public Heap grow(int mebibytes, long holdMillis) throws InterruptedException {
    List<byte[]> live = new ArrayList<>();
    for (int i = 0; i < mebibytes; i++) {
      live.add(new byte[1 << 20]);
    }
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    Thread.sleep(holdMillis);
    Heap heap = new Heap(RestoreEnvironment.restored(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
        vm.getVMOption("MinHeapFreeRatio").getValue(), vm.getVMOption("MaxHeapFreeRatio").getValue());
    live.clear();
    return heap;
  }
}
