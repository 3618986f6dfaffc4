package dev.lifecycle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void theWaitsGrowByTheFactorUpToTheMaximum() {
    RetryPolicy policy = RetryPolicy.of(5).backoff(Duration.ofMillis(100), 3, Duration.ofSeconds(1));

    assertThat(policy.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMillis(900));
    assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void byDefaultOnlyLostContainersAreRetried() {
    assertThat(RetryPolicy.none().maxRetries()).isZero();
    assertThat(RetryPolicy.of(2).methodFailures()).isFalse();
    assertThat(RetryPolicy.of(2).includingMethodFailures().methodFailures()).isTrue();
  }

  @Test
  void valuesOutOfRangeAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RetryPolicy.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RetryPolicy.maxRetries must be 0 or more, but is -1.");
    assertThatThrownBy(() -> RetryPolicy.of(1).backoff(Duration.ofMillis(1), 0.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RetryPolicy.backoffFactor must be at least 1, but is 0.5.");
  }
}
