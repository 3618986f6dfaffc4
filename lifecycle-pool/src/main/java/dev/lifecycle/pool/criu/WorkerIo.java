package dev.lifecycle.pool.criu;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The criu keys of a checkpointed worker's standard input, output and error, stored next to its
 * image: every restore replaces them with the clone's own restore-state file and log file
 * ({@code criu restore --inherit-fd}, see docs/criu-notes.md).
 *
 * @param stdin key of fd 0, e.g. {@code pipe:[4711]}
 * @param stdout key of fd 1
 * @param stderr key of fd 2; the same as {@code stdout} when both are one pipe
 */
record WorkerIo(String stdin, String stdout, String stderr) {

  /** The file in the snapshot directory; part of the image, so covered by its manifest. */
  static final String FILE_NAME = "lifecycle-worker-io.properties";

  /** Reads the keys of a running worker; call before the dump. */
  static WorkerIo of(long jvmPid) throws IOException {
    return new WorkerIo(InheritFdKeys.of(jvmPid, 0), InheritFdKeys.of(jvmPid, 1), InheritFdKeys.of(jvmPid, 2));
  }

  void writeTo(Path snapshotDirectory) throws IOException {
    Properties p = new Properties();
    p.setProperty("stdin", stdin);
    p.setProperty("stdout", stdout);
    p.setProperty("stderr", stderr);
    try (Writer out = Files.newBufferedWriter(snapshotDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      p.store(out, "criu keys of the checkpointed worker's stdin, stdout and stderr");
    }
  }

  static WorkerIo readFrom(Path snapshotDirectory) throws IOException {
    Path file = snapshotDirectory.resolve(FILE_NAME);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    String stdin = p.getProperty("stdin");
    String stdout = p.getProperty("stdout");
    String stderr = p.getProperty("stderr");
    if (stdin == null || stdout == null || stderr == null) {
      throw new IOException(file + " lacks the stdin, stdout or stderr key");
    }
    return new WorkerIo(stdin, stdout, stderr);
  }

  /** The clone's stdin from {@code stateFile}, its stdout and stderr appended to {@code logFile}. */
  List<InheritedFd> forClone(Path stateFile, Path logFile) {
    List<InheritedFd> fds = new ArrayList<>();
    fds.add(new InheritedFd(stdin, Redirect.from(stateFile.toFile())));
    fds.add(new InheritedFd(stdout, Redirect.appendTo(logFile.toFile())));
    if (!stderr.equals(stdout)) {
      fds.add(new InheritedFd(stderr, Redirect.appendTo(logFile.toFile())));
    }
    return fds;
  }
}
