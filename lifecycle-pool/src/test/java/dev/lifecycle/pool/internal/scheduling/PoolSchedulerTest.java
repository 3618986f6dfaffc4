package dev.lifecycle.pool.internal.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.internal.scheduling.PoolScheduler.Need;
import dev.lifecycle.pool.internal.scheduling.PoolScheduler.Occupancy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler's arithmetic of minimum, buffer and maximum, with containers that only count. */
class PoolSchedulerTest {

  /** A container of one input slot that always accepts calls. */
  private record Box(int number) implements PoolScheduler.Schedulable {
    @Override
    public boolean acceptsCalls() {
      return true;
    }

    @Override
    public int maxConcurrentInputs() {
      return 1;
    }
  }

  private final List<Box> made = new ArrayList<>();

  private Box make() {
    Box box = new Box(made.size() + 1);
    made.add(box);
    return box;
  }

  /** Makes every start the pool asks for and returns the reasons, in order. */
  private List<Need> fill(PoolScheduler<Box> scheduler) {
    List<Need> needs = new ArrayList<>();
    for (Optional<Need> need = scheduler.reservePoolStart(); need.isPresent();
        need = scheduler.reservePoolStart()) {
      needs.add(need.get());
      scheduler.startOutsideLock(this::make);
    }
    return needs;
  }

  @Test
  void aBufferKeepsThatManyIdleAboveTheBusyWithinTheMaximum() throws Exception {
    PoolScheduler<Box> scheduler = new PoolScheduler<>(0, 4, 2);
    assertThat(fill(scheduler)).containsExactly(Need.BUFFER, Need.BUFFER);
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(0, 2, 0));

    Box first = scheduler.acquire(this::make, IllegalStateException::new);
    assertThat(first.number()).isEqualTo(1); // the oldest idle one, not a new start
    assertThat(fill(scheduler)).containsExactly(Need.BUFFER);
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(1, 2, 0));

    scheduler.acquire(this::make, IllegalStateException::new);
    scheduler.acquire(this::make, IllegalStateException::new);
    // Three busy, one idle: the maximum of 4 leaves no room for a second idle one.
    assertThat(fill(scheduler)).containsExactly(Need.BUFFER);
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(3, 1, 0));
    assertThat(made).hasSize(4);
  }

  @Test
  void theMinimumComesFirstAndCountsAsBufferWhileIdle() {
    PoolScheduler<Box> scheduler = new PoolScheduler<>(2, 4, 1);
    assertThat(fill(scheduler)).containsExactly(Need.MINIMUM, Need.MINIMUM);
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(0, 2, 0));
  }

  @Test
  void aStartUnderWayCountsTowardTheBufferUnlessACallerMakesIt() {
    PoolScheduler<Box> scheduler = new PoolScheduler<>(0, 4, 1);
    assertThat(scheduler.reservePoolStart()).contains(Need.BUFFER);
    // That start has not joined yet: it is the buffer, no second start for it.
    assertThat(scheduler.reservePoolStart()).isEmpty();
    scheduler.cancelReservedStart();
    assertThat(scheduler.reservePoolStart()).contains(Need.BUFFER);
  }

  @Test
  void scaleDownKeepsTheMinimumAndTheBufferAboveTheBusy() throws Exception {
    PoolScheduler<Box> scheduler = new PoolScheduler<>(1, 6, 2);
    List<Box> taken = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      taken.add(scheduler.acquire(this::make, IllegalStateException::new));
    }
    Box busy = taken.get(0);
    taken.subList(1, 5).forEach(scheduler::release);
    Thread.sleep(5);

    List<Box> stopped = scheduler.takeIdle(Duration.ofMillis(1));
    // One busy and two idle stay; the two newest idle ones go.
    assertThat(stopped).extracting(Box::number).containsExactly(5, 4);
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(1, 2, 0));

    scheduler.release(busy);
    Thread.sleep(5);
    assertThat(scheduler.takeIdle(Duration.ofMillis(1))).extracting(Box::number).containsExactly(3);
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(0, 2, 0));
  }

  @Test
  void nothingIsStoppedBeforeTheWindowEnds() throws Exception {
    PoolScheduler<Box> scheduler = new PoolScheduler<>(0, 4, 0);
    scheduler.acquire(this::make, IllegalStateException::new);
    scheduler.release(made.get(0));
    assertThat(scheduler.takeIdle(Duration.ofHours(1))).isEmpty();
    assertThat(scheduler.occupancy()).isEqualTo(new Occupancy(0, 1, 0));
  }
}
