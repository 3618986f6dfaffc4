package dev.lifecycle.pool.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The arithmetic of growing the heap back at the snapshot point. */
class HeapShapeTest {

  private static final long MB = 1024 * 1024;

  @Test
  void theFreeRatioThatCommitsTheTarget() {
    // 13 MB in use, a 384 MB heap wanted: 97 % free gives 433 MB (96 % would give 325 MB).
    assertThat(HeapShape.freePercent(13 * MB, 384 * MB)).isEqualTo(97);
    // Whatever is in use (from 1 % of the target on: 99 % free is the most a ratio can ask for),
    // the ratio asks for at least the target.
    for (long used = 4 * MB; used < 384 * MB; used += 7 * MB) {
      long percent = HeapShape.freePercent(used, 384 * MB);
      assertThat(HeapShape.withFreeRatio(used, (int) percent)).as("used %d", used)
          .isGreaterThanOrEqualTo(384 * MB);
    }
    // Never more than 99 %: the JVM refuses 100.
    assertThat(HeapShape.freePercent(1, 384 * MB)).isEqualTo(99);
    // A target no larger than the objects asks for no free room at all.
    assertThat(HeapShape.freePercent(400 * MB, 384 * MB)).isZero();
  }

  @Test
  void theHeapAFreeRatioAsksFor() {
    assertThat(HeapShape.withFreeRatio(60 * MB, 40)).isEqualTo(100 * MB);
    assertThat(HeapShape.withFreeRatio(60 * MB, 0)).isEqualTo(60 * MB);
    assertThat(HeapShape.withFreeRatio(60 * MB, 100)).isEqualTo(Long.MAX_VALUE);
  }
}
