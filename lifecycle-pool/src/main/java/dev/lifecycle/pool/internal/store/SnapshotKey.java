package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a memory snapshot depends on. A snapshot is restored only for an equal key; change
 * any part and the runtime builds a new one.
 *
 * @param serviceClass the service's binary class name
 * @param classpathDigest {@link ClasspathDigest} of the worker's class path
 * @param javaVersion the worker JVM: vendor, runtime version and {@code java.home}
 * @param jvmOptions the worker's JVM options, in order (they shape the heap that is checkpointed)
 * @param engineIdentity the snapshot engine that checkpoints and restores, as its {@code EngineCheck.Ready} names it
 * @param kernelRelease {@code uname -r}: images are tied to kernel features
 * @param parameters the values of the service's {@code @Parameter} fields, by name: the snap hooks
 *     built the image with them, so each set of values has a snapshot of its own
 */
public record SnapshotKey(
    String serviceClass,
    String classpathDigest,
    String javaVersion,
    List<String> jvmOptions,
    String engineIdentity,
    String kernelRelease,
    Map<String, String> parameters) {

  /** Hex digits of {@link #digest()} used in the directory name: 128 bits, no practical collisions. */
  static final int NAME_DIGITS = 32;

  /** The key of a service without parameters. */
  public SnapshotKey(String serviceClass, String classpathDigest, String javaVersion,
      List<String> jvmOptions, String engineIdentity, String kernelRelease) {
    this(serviceClass, classpathDigest, javaVersion, jvmOptions, engineIdentity, kernelRelease,
        Map.of());
  }

  public SnapshotKey {
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(classpathDigest, "classpathDigest");
    Objects.requireNonNull(javaVersion, "javaVersion");
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(engineIdentity, "engineIdentity");
    Objects.requireNonNull(kernelRelease, "kernelRelease");
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    if (serviceClass.isBlank()) {
      throw new IllegalArgumentException("serviceClass must not be blank");
    }
  }

  /**
   * The key for a worker that runs on this JVM's Java and this machine's kernel.
   *
   * @param classpath the worker's class path entries, in order; their contents are hashed
   */
  public static SnapshotKey forThisJvm(
      String serviceClass, List<Path> classpath, List<String> jvmOptions, String engineIdentity)
      throws IOException {
    return forThisJvm(serviceClass, classpath, jvmOptions, engineIdentity, Map.of());
  }

  /** As {@link #forThisJvm(String, List, List, String)}, for a service with these parameters. */
  public static SnapshotKey forThisJvm(String serviceClass, List<Path> classpath,
      List<String> jvmOptions, String engineIdentity, Map<String, String> parameters)
      throws IOException {
    return new SnapshotKey(serviceClass, ClasspathDigest.of(classpath), currentJava(), jvmOptions,
        engineIdentity, System.getProperty("os.version"), parameters);
  }

  /** {@code Debian 17.0.15+6-Debian-1deb12u1 /usr/lib/jvm/java-17-openjdk-amd64}. */
  public static String currentJava() {
    return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
        + " " + System.getProperty("java.home");
  }

  /**
   * A stable SHA-256 (hex) over every field, length-prefixed; names the snapshot's directory. The
   * parameters are hashed only when there are some, so a key without them keeps the digest it had
   * before parameters existed, and its snapshots stay found.
   */
  public String digest() {
    MessageDigest digest = Hashing.sha256();
    Hashing.updateField(digest, "lifecycle-snapshot-key/1");
    Hashing.updateField(digest, serviceClass);
    Hashing.updateField(digest, classpathDigest);
    Hashing.updateField(digest, javaVersion);
    Hashing.updateField(digest, Integer.toString(jvmOptions.size()));
    jvmOptions.forEach(o -> Hashing.updateField(digest, o));
    Hashing.updateField(digest, engineIdentity);
    Hashing.updateField(digest, kernelRelease);
    if (!parameters.isEmpty()) {
      Hashing.updateField(digest, "parameters");
      Hashing.updateField(digest, Integer.toString(parameters.size()));
      parameters.forEach((name, value) -> {
        Hashing.updateField(digest, name);
        Hashing.updateField(digest, value);
      });
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code Greeter-<32 hex digits>}: readable in a directory listing, unique per key. */
  String directoryName() {
    String simple = serviceClass.substring(serviceClass.lastIndexOf('.') + 1)
        .replaceAll("[^A-Za-z0-9_$-]", "_");
    return simple + "-" + digest().substring(0, NAME_DIGITS);
  }

  /**
   * Whether this key replaces {@code older}'s image for good: the same service with the same
   * configuration (JVM options) on the same kind of machine (snapshot engine, kernel), built from
   * other code or another Java, the changes of a new build or deployment. Keys that differ in the
   * configuration or the machine are not superseded: two pools with other options, or machines
   * of two kernels sharing a store, use both images, which only the store's budget ages out.
   */
  public boolean supersedes(SnapshotKey older) {
    // Built from this key so that a field added to the key is compared unless said otherwise.
    SnapshotKey sameButCode = new SnapshotKey(serviceClass, older.classpathDigest, older.javaVersion,
        jvmOptions, engineIdentity, kernelRelease, parameters);
    return !equals(older) && sameButCode.equals(older);
  }

  /** For people: what the key holds besides the service, in one line. */
  public String summary() {
    return (parameters.isEmpty() ? "" : "parameters " + parameters + ", ")
        + "JVM options " + jvmOptions + ", " + engineIdentity + ", kernel " + kernelRelease
        + ", Java " + javaVersion + ", class path " + classpathDigest.substring(0, Math.min(12, classpathDigest.length()));
  }

  /** The first field that differs from {@code other}, for messages; empty when equal. */
  String difference(SnapshotKey other) {
    if (!serviceClass.equals(other.serviceClass)) {
      return "service class " + other.serviceClass + " vs " + serviceClass;
    }
    if (!classpathDigest.equals(other.classpathDigest)) {
      return "class path contents changed";
    }
    if (!javaVersion.equals(other.javaVersion)) {
      return "Java " + other.javaVersion + " vs " + javaVersion;
    }
    if (!jvmOptions.equals(other.jvmOptions)) {
      return "JVM options " + other.jvmOptions + " vs " + jvmOptions;
    }
    if (!engineIdentity.equals(other.engineIdentity)) {
      return "engine " + other.engineIdentity + " vs " + engineIdentity;
    }
    if (!kernelRelease.equals(other.kernelRelease)) {
      return "kernel " + other.kernelRelease + " vs " + kernelRelease;
    }
    if (!parameters.equals(other.parameters)) {
      return "parameters " + other.parameters + " vs " + parameters;
    }
    return "";
  }
}
