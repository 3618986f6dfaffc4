package dev.lifecycle.pool.internal.worker;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Waits, at the snapshot point, until the JIT compilers have nothing left to do.
 *
 * <p>The snap hooks' work (a model trained, an index built) leaves the compilers a queue of hot
 * methods that takes them a while to compile. A checkpoint taken meanwhile holds that queue, and
 * every clone restored from it compiles the same methods again, on the machine's cores, while it
 * starts and serves its first calls: 150 to 200 ms of a core per clone for the examples' sentiment
 * model, measured here. Waiting once, before the checkpoint, puts the compiled code into the image
 * instead. The wait is bounded: a JVM whose compilers never go quiet is checkpointed anyway.
 */
final class JitQuiescence {

  private static final System.Logger LOG = System.getLogger(JitQuiescence.class.getName());
  private static final long POLL_MILLIS = 10;

  private JitQuiescence() {}

  /** Returns once the compilers are idle (or after {@code limit}); how long it waited. */
  static Duration await(Duration limit) {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    try {
      while (!idle()) {
        if (System.nanoTime() - deadline > 0) {
          LOG.log(Level.INFO, "The JIT compilers were still busy " + limit.toSeconds() + " s into"
              + " the snapshot point (does a thread of the service keep running?); checkpointing"
              + " all the same: every clone compiles what was left");
          break;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (JMException | RuntimeException unavailable) {
      // A JVM without the diagnostic command: clones only compile more.
      LOG.log(Level.DEBUG, () -> "cannot see the JIT compilers' queue: " + unavailable);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Whether {@code Compiler.queue} lists no compilation under way and no queued one: only its
   * headings, "Empty" and blank lines.
   */
  static boolean idle() throws JMException {
    return isIdle(String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
        new Object[] {null}, new String[] {String[].class.getName()})));
  }

  static boolean isIdle(String compilerQueue) {
    return compilerQueue.lines().map(String::strip).allMatch(line -> line.isEmpty()
        || line.equals("Empty") || line.endsWith("compile queue:")
        || line.equals("Current compiles:"));
  }
}
