package dev.lifecycle.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Two generators in the same state stand in for one generator in two clones (the real thing, with
 * criu, is in {@code CriuCloneTest}): reseeding must make them diverge.
 */
class RestoreReseedingTest {

  @Test
  void sha1prngInTheSameStateDivergesAfterReseeding() throws Exception {
    SecureRandom a = SecureRandom.getInstance("SHA1PRNG");
    SecureRandom b = SecureRandom.getInstance("SHA1PRNG");
    a.setSeed(42); // the first setSeed of a SHA1PRNG fixes its state completely
    b.setSeed(42);
    assertThat(next(a)).isEqualTo(next(b));

    RestoreReseeding reseeding = new RestoreReseeding();
    reseeding.register(a);
    reseeding.register(b);
    assertThat(reseeding.reseedAll()).isEqualTo(2);

    assertThat(next(a)).isNotEqualTo(next(b));
  }

  @Test
  void drbgSupportsReseedAndKeepsWorking() throws Exception {
    SecureRandom drbg = SecureRandom.getInstance("DRBG");
    next(drbg);
    RestoreReseeding.reseed(drbg);
    assertThat(next(drbg)).hasSize(16);
  }

  @Test
  void aPlainRandomGetsAFreshSeed() throws Exception {
    Random a = new Random(7);
    Random b = new Random(7);
    assertThat(a.nextLong()).isEqualTo(b.nextLong());

    RestoreReseeding.reseed(a);
    RestoreReseeding.reseed(b);

    assertThat(a.nextLong()).isNotEqualTo(b.nextLong());
  }

  @Test
  void threadLocalRandomIsRefusedWithTheAlternative() {
    assertThatThrownBy(() -> new RestoreReseeding().register(ThreadLocalRandom.current()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("post-snapshot @Enter hook");
  }

  @Test
  void registrationReturnsTheInstance() {
    SecureRandom random = new SecureRandom();
    assertThat(new RestoreReseeding().register(random)).isSameAs(random);
  }

  private static byte[] next(Random random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }
}
