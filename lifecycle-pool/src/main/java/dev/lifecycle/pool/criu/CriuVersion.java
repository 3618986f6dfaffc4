package dev.lifecycle.pool.criu;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRIU release number, as printed by {@code criu --version}.
 *
 * @param major major version, e.g. {@code 4}
 * @param minor minor version, e.g. {@code 1}
 * @param patch patch level, {@code 0} when criu does not print one
 */
public record CriuVersion(int major, int minor, int patch) implements Comparable<CriuVersion> {

  /**
   * The oldest CRIU Lifecycle relies on. Kernels from 6.13 on put the vDSO clock pages in a
   * mapping of their own; CRIU learned that in 4.1 ("vdso: handle vvar_vclock vma-s"), and older
   * releases fail {@code criu check} there with "Unexpected rt vDSO area bounds".
   */
  public static final CriuVersion MINIMUM = new CriuVersion(4, 1, 0);

  // criu prints "Version: 4.1.1" and, for builds from git, a "GitID: ..." line after it.
  private static final Pattern VERSION_LINE =
      Pattern.compile("(?m)^\\s*Version:\\s*(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** The line by which the criu that {@code lifecycle install-criu} builds tells itself apart. */
  private static final String MAPS_PAGES_LINE = "Lifecycle: map-pages";
  /** The line of a build that also serves restores ({@link RestoreServer}). */
  private static final String SERVES_RESTORES_LINE = "Lifecycle: restore-server";

  public CriuVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version component: " + major + "." + minor + "." + patch);
    }
  }

  /** Finds the version in the output of {@code criu --version}; empty when there is none. */
  public static Optional<CriuVersion> parse(String versionOutput) {
    Matcher m = VERSION_LINE.matcher(versionOutput);
    if (!m.find()) {
      return Optional.empty();
    }
    int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return Optional.of(new CriuVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
  }

  /**
   * Whether the output of {@code criu --version} comes from a criu built by {@code lifecycle
   * install-criu}, whose restore can map an image's pages instead of copying them (it prints a
   * line {@value #MAPS_PAGES_LINE}); a stock criu copies them.
   */
  public static boolean mapsPages(String versionOutput) {
    return hasLine(versionOutput, MAPS_PAGES_LINE);
  }

  /**
   * Whether the output of {@code criu --version} comes from a criu that serves restores as {@code
   * criu lifecycle-restore-server} (it prints a line {@value #SERVES_RESTORES_LINE}).
   */
  public static boolean servesRestores(String versionOutput) {
    return hasLine(versionOutput, SERVES_RESTORES_LINE);
  }

  private static boolean hasLine(String versionOutput, String wanted) {
    return versionOutput.lines().anyMatch(line -> line.strip().equals(wanted));
  }

  /** Whether this release is {@code other} or newer. */
  public boolean isAtLeast(CriuVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(CriuVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    return c != 0 ? c : Integer.compare(patch, other.patch);
  }

  /** {@code 4.1.1}, or {@code 4.1} when the patch level is zero (as criu itself prints it). */
  @Override
  public String toString() {
    return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
  }
}
