package dev.lifecycle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Who this process is, from {@code /proc/self/status}: the JDK has no API for uids or capabilities. */
final class HostFacts {

  static final int CAP_SYS_PTRACE = 19;
  static final int CAP_SYS_ADMIN = 21;
  static final int CAP_CHECKPOINT_RESTORE = 40;

  private final long effectiveUid;
  private final long effectiveCapabilities;

  HostFacts(long effectiveUid, long effectiveCapabilities) {
    this.effectiveUid = effectiveUid;
    this.effectiveCapabilities = effectiveCapabilities;
  }

  /** This process's; an unreadable field counts as "not root" and "no capabilities". */
  static HostFacts ofThisProcess() {
    long uid = -1;
    long caps = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        Optional<String> value = field(line, "Uid:");
        if (value.isPresent()) {
          uid = Long.parseLong(value.get().split("\\s+")[1]);
        }
        value = field(line, "CapEff:");
        if (value.isPresent()) {
          caps = Long.parseUnsignedLong(value.get(), 16);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown: reported as such
    }
    return new HostFacts(uid, caps);
  }

  private static Optional<String> field(String line, String name) {
    return line.startsWith(name) ? Optional.of(line.substring(name.length()).strip()) : Optional.empty();
  }

  long effectiveUid() {
    return effectiveUid;
  }

  long effectiveCapabilities() {
    return effectiveCapabilities;
  }
}
