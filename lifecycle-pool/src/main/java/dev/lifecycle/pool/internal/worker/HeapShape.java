package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.pool.internal.ProcStatus;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Optional;

/**
 * Shapes the heap at the snapshot point so that the image holds the live heap, not the garbage of
 * the enter hooks, while a clone still starts with the room to allocate that a cold JVM has.
 *
 * <p>A JVM sized by default commits an initial heap of 1/64 of the machine's memory, and every
 * page the enter hooks touched stays in the process after a full GC: the checkpoint would copy it
 * and every restore read it back. The heap's free ratios ({@code MinHeapFreeRatio}, {@code
 * MaxHeapFreeRatio}) can be changed while the JVM runs: set low, the full GC shrinks the committed
 * heap to the live objects plus {@value #SNAPSHOT_MAX_FREE_PERCENT} %, and G1 gives the freed
 * regions back to the system in the background, which {@link #shape} waits for.
 *
 * <p>A heap left that small would make a clone collect on its first calls (a young collection
 * and a concurrent cycle, 5 to 30 ms here, as the live objects fill the heap past G1's threshold
 * for marking). So a second full GC, with the ratios set to ask for it, grows the committed heap
 * back to what a cold JVM starts with (its initial heap, or the JVM's own free ratio above the
 * live objects when that is more). Committing memory does not touch it: the pages are not in the
 * image, and a clone touches them only as it allocates. The ratios are then the JVM's again. A
 * collector or JVM that does not shrink (Serial and Parallel keep the initial heap) leaves the
 * image as it was.
 */
final class HeapShape {

  private static final System.Logger LOG = System.getLogger(HeapShape.class.getName());
  private static final String MIN = "MinHeapFreeRatio";
  private static final String MAX = "MaxHeapFreeRatio";
  private static final String SNAPSHOT_MAX_FREE_PERCENT = "10";
  private static final long POLL_MILLIS = 5;
  /** G1 gives back memory in steps about 10 ms apart: this long without a drop means done. */
  private static final long SETTLED_MILLIS = 60;
  private static final long GIVE_UP_MILLIS = 2_000;
  private static final long MB = 1024 * 1024;

  /** The ratios as they were before the snapshot point. */
  private record Ratios(String min, String max) {}

  private HeapShape() {}

  /**
   * Shrinks the heap to the live objects and lets the freed memory leave the process, then grows
   * the committed heap back without touching it, and puts the JVM's ratios back.
   */
  static void shape() {
    Optional<Ratios> before = tighten();
    System.gc();
    awaitReturnedMemory();
    adviseWhenTheHeapStayedLarge();
    before.ifPresent(HeapShape::regrow);
  }

  /** Says so when the collector kept far more heap than the live objects need. */
  private static void adviseWhenTheHeapStayedLarge() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long free = heap.getCommitted() - heap.getUsed();
    if (free > 32L * 1024 * 1024 && free > heap.getUsed()) {
      LOG.log(Level.INFO, "At the snapshot point the heap keeps " + heap.getCommitted() / MB
          + " MB for " + heap.getUsed() / MB + " MB of objects: this JVM's collector does not shrink"
          + " below its initial heap (-Xms; by default 1/64 of the machine's memory), and the image"
          + " and every restore carry the difference. Leave the collector to the JVM (G1), or give"
          + " the pool's jvmOptions a small -Xms such as -Xms8m.");
    }
  }

  /**
   * Commits the heap a cold JVM would start with again (see the class comment), then puts back
   * the ratios the JVM had. Whatever fails leaves the ratios the JVM's.
   */
  private static void regrow(Ratios jvm) {
    try {
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long target = Math.max(heap.getInit(),
          withFreeRatio(heap.getUsed(), Integer.parseInt(jvm.min())));
      if (target > heap.getCommitted()) {
        // The maximum first: the minimum may never exceed it.
        diagnostics().setVMOption(MAX, "100");
        diagnostics().setVMOption(MIN, Long.toString(freePercent(heap.getUsed(), target)));
        System.gc();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "cannot grow the heap back before the checkpoint: " + e);
    } finally {
      putBack(jvm);
    }
  }

  /** The committed heap that leaves {@code percent} % of it free with {@code used} in use. */
  static long withFreeRatio(long used, int percent) {
    return percent >= 100 ? Long.MAX_VALUE : used * 100 / (100 - percent);
  }

  /**
   * The free ratio (0 to 99 %) that makes a full GC commit at least {@code target} for {@code
   * used}: rounded up, as the collector sizes the heap to {@code used / (1 - ratio)}.
   */
  static long freePercent(long used, long target) {
    return Math.max(0, Math.min(99, 100 - Math.floorDiv(used * 100, target)));
  }

  private static void putBack(Ratios ratios) {
    try {
      // The minimum may never exceed the maximum: the widest maximum first, whatever came before.
      diagnostics().setVMOption(MAX, "100");
      diagnostics().setVMOption(MIN, ratios.min());
      diagnostics().setVMOption(MAX, ratios.max());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not put the heap's free ratios back at the snapshot point ("
          + ratios + "): " + e.getMessage() + ". The heap grows as collections need.");
    }
  }

  private static Optional<Ratios> tighten() {
    try {
      HotSpotDiagnosticMXBean vm = diagnostics();
      Ratios before = new Ratios(vm.getVMOption(MIN).getValue(), vm.getVMOption(MAX).getValue());
      // The minimum first: it may never exceed the maximum.
      vm.setVMOption(MIN, "0");
      vm.setVMOption(MAX, SNAPSHOT_MAX_FREE_PERCENT);
      return Optional.of(before);
    } catch (RuntimeException | LinkageError notAvailable) {
      LOG.log(Level.DEBUG, () -> "cannot shape the heap before the checkpoint: " + notAvailable);
      return Optional.empty();
    }
  }

  private static HotSpotDiagnosticMXBean diagnostics() {
    return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  }

  /**
   * Waits until the process's anonymous memory has stopped shrinking: G1 uncommits the regions
   * the collection freed on a thread of its own, after the collection returned.
   */
  private static void awaitReturnedMemory() {
    long start = System.nanoTime();
    long lowest = anonymousKilobytes();
    long lastDrop = start;
    while (lowest > 0) {
      long now = System.nanoTime();
      if (millis(now - lastDrop) >= SETTLED_MILLIS || millis(now - start) >= GIVE_UP_MILLIS) {
        break;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long current = anonymousKilobytes();
      if (current < lowest) {
        lowest = current;
        lastDrop = System.nanoTime();
      }
    }
    long kilobytes = lowest;
    LOG.log(Level.DEBUG, () -> "before the checkpoint: " + kilobytes / 1024 + " MB of anonymous"
        + " memory after " + millis(System.nanoTime() - start) + " ms");
  }

  /** {@code RssAnon} of this process, or 0 when it cannot be read (then nothing is waited for). */
  private static long anonymousKilobytes() {
    try {
      return ProcStatus.field("RssAnon").map(kb -> Long.parseLong(kb.replace("kB", "").trim()))
          .orElse(0L);
    } catch (RuntimeException unknownFormat) {
      return 0; // a format this does not know: no wait
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
