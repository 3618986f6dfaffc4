package dev.lifecycle.pool.criu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Criu#restore} brings an image back.
 *
 * @param inheritedFds the resources each clone gets its own copy of (its stdin, stdout, stderr);
 *     at most one input and two outputs, see {@link InheritedFd}
 * @param shellJob pass {@code --shell-job}; only when the dump used it
 * @param timeout how long criu may take before it and the half-restored tree are killed
 * @param workDirectory where criu writes this restore's log and pid file ({@code -W}); empty: a
 *     fresh temporary directory. Never the image directory: images are shared by clones restoring
 *     at the same time and must stay as the dump wrote them
 * @param keepWorkDirectory keep the work directory (and its log) after a successful restore; after
 *     a failed one it is always kept and named in the exception. A kept log has every step of the
 *     restore with its time ({@code -v4}); otherwise it has criu's errors and warnings ({@code
 *     -v2}), which is what explains a failure
 * @param mapPages map the image's private pages into the process (copy on write) instead of
 *     reading them, when the criu can ({@link Criu#mapsPages()}); otherwise they are read. The
 *     image must then stay as it is while the process runs; it may be deleted
 * @param extraArguments further criu arguments, appended as they are (no shell involved)
 */
record RestoreOptions(
    List<InheritedFd> inheritedFds,
    boolean shellJob,
    Duration timeout,
    Optional<Path> workDirectory,
    boolean keepWorkDirectory,
    boolean mapPages,
    List<String> extraArguments) {

  /** One minute: restoring a few hundred megabytes takes well under a second here. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

  public RestoreOptions {
    inheritedFds = List.copyOf(inheritedFds);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(workDirectory, "workDirectory");
    extraArguments = List.copyOf(extraArguments);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("restore timeout must be positive, got " + timeout);
    }
    long inputs = inheritedFds.stream().filter(InheritedFd::isInput).count();
    if (inputs > 1 || inheritedFds.size() - inputs > 2) {
      throw new IllegalArgumentException(
          "a restore can replace at most one resource with an input and two with outputs (criu"
              + " receives them on its fds 0, 1 and 2), got " + inheritedFds);
    }
  }

  /**
   * No inherited descriptors, no shell job, {@link #DEFAULT_TIMEOUT}, a temporary work dir, pages
   * read.
   */
  public static RestoreOptions defaults() {
    return new RestoreOptions(List.of(), false, DEFAULT_TIMEOUT, Optional.empty(), false, false,
        List.of());
  }

  public RestoreOptions withInheritedFds(List<InheritedFd> value) {
    return new RestoreOptions(value, shellJob, timeout, workDirectory, keepWorkDirectory, mapPages,
        extraArguments);
  }

  public RestoreOptions withShellJob(boolean value) {
    return new RestoreOptions(inheritedFds, value, timeout, workDirectory, keepWorkDirectory, mapPages,
        extraArguments);
  }

  public RestoreOptions withTimeout(Duration value) {
    return new RestoreOptions(inheritedFds, shellJob, value, workDirectory, keepWorkDirectory, mapPages,
        extraArguments);
  }

  public RestoreOptions withWorkDirectory(Path value) {
    return new RestoreOptions(inheritedFds, shellJob, timeout, Optional.of(value), keepWorkDirectory,
        mapPages, extraArguments);
  }

  public RestoreOptions withKeepWorkDirectory(boolean value) {
    return new RestoreOptions(inheritedFds, shellJob, timeout, workDirectory, value, mapPages,
        extraArguments);
  }

  public RestoreOptions withMapPages(boolean value) {
    return new RestoreOptions(inheritedFds, shellJob, timeout, workDirectory, keepWorkDirectory, value,
        extraArguments);
  }

  public RestoreOptions withExtraArguments(List<String> value) {
    return new RestoreOptions(inheritedFds, shellJob, timeout, workDirectory, keepWorkDirectory,
        mapPages, value);
  }
}
