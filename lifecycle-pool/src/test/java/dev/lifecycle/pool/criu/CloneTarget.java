package dev.lifecycle.pool.criu;

import dev.lifecycle.runtime.internal.RestoreReseeding;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The process the CRIU tests dump and clone. It builds state worth keeping (a 32 MB array and its
 * checksum, random generators in use), says {@code ready}, then answers lines on stdin:
 *
 * <ul>
 *   <li>{@code random}: output of a SHA1PRNG, a DRBG and the default SecureRandom, and a UUID;
 *   <li>{@code reseed}: runs {@link RestoreReseeding#reseedAll()};
 *   <li>anything else: echoes it with the array's checksum, recomputed, and {@code nanoTime}.
 * </ul>
 */
public final class CloneTarget {

  static final int SIZE = 8_000_000;

  private CloneTarget() {}

  public static void main(String[] args) throws Exception {
    int[] data = new int[SIZE];
    int x = 12345;
    for (int i = 0; i < data.length; i++) {
      x = x * 1103515245 + 12345;
      data[i] = x;
    }
    SecureRandom sha1 = SecureRandom.getInstance("SHA1PRNG");
    SecureRandom drbg = SecureRandom.getInstance("DRBG");
    SecureRandom nativePrng = new SecureRandom();
    // Use every generator before the snapshot, as a snap hook would: that seeds them.
    sha1.nextBytes(new byte[16]);
    drbg.nextBytes(new byte[16]);
    nativePrng.nextBytes(new byte[16]);
    UUID.randomUUID();
    RestoreReseeding reseeding = new RestoreReseeding();
    reseeding.register(sha1);
    reseeding.register(drbg);
    reseeding.register(nativePrng);

    System.out.println("ready checksum=" + checksum(data) + " nanos=" + System.nanoTime());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      switch (line) {
        case "random" -> System.out.println("random sha1=" + hex(sha1) + " drbg=" + hex(drbg)
            + " native=" + hex(nativePrng) + " uuid=" + UUID.randomUUID());
        case "reseed" -> System.out.println("reseeded " + reseeding.reseedAll());
        default -> System.out.println(
            "answer input=" + line + " checksum=" + checksum(data) + " nanos=" + System.nanoTime());
      }
      System.out.flush();
    }
    System.out.println("bye");
  }

  static long checksum(int[] data) {
    long sum = 0;
    for (int v : data) {
      sum = sum * 31 + v;
    }
    return sum;
  }

  private static String hex(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
