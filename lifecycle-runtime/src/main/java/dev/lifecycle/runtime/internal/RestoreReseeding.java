package dev.lifecycle.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a restored process does so that its clones stop sharing random state: reseed the random
 * generators the runtime can reach.
 *
 * <p>Every clone of a snapshot starts with the same memory, so every generator created before the
 * snapshot is in the same state in every clone. What that means, generator by generator, on the
 * JDK:
 *
 * <ul>
 *   <li><b>{@code new SecureRandom()} on Linux is {@code NativePRNG}</b>: each call XORs bytes
 *       freshly read from {@code /dev/urandom} (buffered at most 32 bytes for at most 100 ms of
 *       wall-clock time, which a dump alone exceeds) with an internal SHA1PRNG. The kernel's pool
 *       is not part of the image, so clones diverge on their own. {@code UUID.randomUUID()} uses
 *       such an instance and differs between clones too.
 *   <li><b>{@code SHA1PRNG} and {@code DRBG} instances</b> are deterministic once seeded: created and
 *       used before the snapshot, they give <em>the same output in every clone</em>. {@code DRBG}
 *       supports {@link SecureRandom#reseed()}, which draws new entropy from the system; {@code
 *       SHA1PRNG} does not, but {@link SecureRandom#setSeed(byte[])} mixes new bytes into its
 *       state (it supplements, never replaces, the seed). This class does both, with bytes read
 *       from {@code /dev/urandom}, for every instance {@linkplain #register registered} with it.
 *   <li><b>The default algorithm can change</b>: with {@code -Djava.security.egd=file:/dev/./urandom}
 *       (an old container tweak) or another {@code securerandom.source}, {@code new SecureRandom()}
 *       is {@code DRBG}, and then generators the runtime cannot reach, such as the one behind
 *       {@code UUID.randomUUID()}, repeat across clones if used before the snapshot. {@link
 *       #reseedAll()} logs a warning when it sees that.
 *   <li><b>{@link Random} with a seed, {@code Math.random()}, {@link ThreadLocalRandom}, {@code
 *       SplittableRandom}</b>: a registered {@code Random} gets a fresh seed; {@code
 *       ThreadLocalRandom} cannot be reseeded at all (its {@code setSeed} throws), and the JDK's
 *       private generators ({@code Math.random()}'s, {@code Collections.shuffle}'s) cannot be
 *       reached. Values that must differ between containers (ids, seeds, tokens, caches of random
 *       values) belong in a post-snapshot {@code @Enter} hook, which runs in every clone.
 * </ul>
 *
 * <p>Registration holds instances weakly: registering does not keep a generator alive.
 */
public final class RestoreReseeding {

  private static final System.Logger LOG = System.getLogger(RestoreReseeding.class.getName());
  private static final Path ENTROPY = Path.of("/dev/urandom");
  private static final int SEED_BYTES = 32;

  private final List<WeakReference<Random>> registered = new CopyOnWriteArrayList<>();
  /**
   * The JVM's default {@code SecureRandom} algorithm as {@link #prepare} read it at the snapshot
   * point, where it was decided for every clone; {@code null} until then.
   */
  private volatile String defaultAlgorithm;

  /**
   * Reads what {@link #reseedAll()} checks, before a checkpoint, so that the restored clones do not
   * ask the security providers again on their way to serving; and draws from a generator of the
   * default algorithm once, so that the JDK's code behind it (NativePRNG's SHA-1 mixing) is linked
   * in the image, not in every clone on its first {@code UUID.randomUUID()}. A generator of its
   * own, thrown away: what anything draws after the restore stays its own (NativePRNG mixes fresh
   * bytes of {@code /dev/urandom} into every draw, any other algorithm seeds a new generator as
   * it is made).
   */
  public void prepare() {
    SecureRandom warmUp = new SecureRandom();
    warmUp.nextBytes(new byte[SEED_BYTES]);
    defaultAlgorithm = warmUp.getAlgorithm();
  }

  /**
   * Reseeds {@code random} after every restore; returns it, for {@code field = register(new ...)}.
   *
   * @throws IllegalArgumentException for {@link ThreadLocalRandom}, which cannot be reseeded
   */
  public <T extends Random> T register(T random) {
    if (random instanceof ThreadLocalRandom) {
      throw new IllegalArgumentException("ThreadLocalRandom cannot be reseeded (its setSeed throws);"
          + " draw values that must differ between containers in a post-snapshot @Enter hook");
    }
    registered.add(new WeakReference<>(random));
    return random;
  }

  /**
   * Reseeds every registered generator still alive. One failure does not stop the others; each
   * is logged.
   *
   * @return how many generators were reseeded
   */
  public int reseedAll() {
    warnIfDefaultIsDeterministic();
    int count = 0;
    for (WeakReference<Random> ref : registered) {
      Random random = ref.get();
      if (random == null) {
        registered.remove(ref);
        continue;
      }
      try {
        reseed(random);
        count++;
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING,
            "could not reseed " + random.getClass().getName() + " after restore: " + e, e);
      }
    }
    return count;
  }

  /**
   * Gives {@code random} fresh entropy: {@link SecureRandom#reseed()} where supported (DRBG), and
   * in any case new bytes from {@code /dev/urandom} through {@code setSeed}, which for {@code
   * SecureRandom} adds to the state and for a plain {@link Random} replaces the seed.
   *
   * @throws IOException when {@code /dev/urandom} cannot be read
   */
  public static void reseed(Random random) throws IOException {
    byte[] fresh = freshBytes(SEED_BYTES);
    if (random instanceof SecureRandom secure) {
      try {
        secure.reseed();
      } catch (UnsupportedOperationException notDrbg) {
        // NativePRNG, SHA1PRNG: no reseed(), setSeed below mixes fresh bytes in instead.
      }
      secure.setSeed(fresh);
    } else {
      random.setSeed(ByteBuffer.wrap(fresh).getLong());
    }
  }

  /** Reads straight from the kernel, whose pool is not part of any image. */
  static byte[] freshBytes(int n) throws IOException {
    byte[] bytes = new byte[n];
    try (InputStream in = Files.newInputStream(ENTROPY)) {
      int read = in.readNBytes(bytes, 0, n);
      if (read != n) {
        throw new IOException("short read from " + ENTROPY + ": " + read + " of " + n + " bytes");
      }
    }
    return bytes;
  }

  private void warnIfDefaultIsDeterministic() {
    String prepared = defaultAlgorithm;
    String algorithm = prepared != null ? prepared : new SecureRandom().getAlgorithm();
    if (!algorithm.startsWith("NativePRNG")) {
      LOG.log(System.Logger.Level.WARNING, "the default SecureRandom of this JVM is " + algorithm
          + ", not NativePRNG: generators the runtime cannot reach (UUID.randomUUID()'s) give the"
          + " same values in every restored container if they were used before the snapshot;"
          + " remove -Djava.security.egd / securerandom.source overrides");
    }
  }
}
