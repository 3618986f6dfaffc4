package dev.lifecycle.pool.criu;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A clone's own stdin and stdout as two FIFOs, and its stderr as a file: the live variant of the
 * {@code --inherit-fd} recipe in docs/criu-notes.md.
 *
 * <p>This side opens each FIFO read-write: opening a FIFO read-only (or write-only) blocks until
 * the other side opens it, and criu's side is opened by the JDK inside {@code
 * ProcessBuilder.start()}; with a read-write opener present neither open blocks.
 */
final class CloneIo implements AutoCloseable {

  final Path stdinFifo;
  final Path stdoutFifo;
  final Path stderrFile;
  private final FileChannel toClone;
  private final FileChannel fromClone;
  final LineQueue stdout;

  private CloneIo(Path stdinFifo, Path stdoutFifo, Path stderrFile, String name) throws IOException {
    this.stdinFifo = stdinFifo;
    this.stdoutFifo = stdoutFifo;
    this.stderrFile = stderrFile;
    this.toClone = FileChannel.open(stdinFifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.fromClone = FileChannel.open(stdoutFifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.stdout = new LineQueue(Channels.newInputStream(fromClone), name);
  }

  static CloneIo create(Path dir, String name) throws IOException, InterruptedException {
    Path in = dir.resolve(name + ".in");
    Path out = dir.resolve(name + ".out");
    mkfifo(in);
    mkfifo(out);
    return new CloneIo(in, out, dir.resolve(name + ".err"), "clone " + name);
  }

  /** The three replacements for {@code target}'s stdio pipes. */
  List<InheritedFd> inheritedFds(TargetProcess target) {
    return List.of(
        new InheritedFd(target.stdinKey, Redirect.from(stdinFifo.toFile())),
        new InheritedFd(target.stdoutKey, Redirect.to(stdoutFifo.toFile())),
        new InheritedFd(target.stderrKey, Redirect.to(stderrFile.toFile())));
  }

  void send(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      toClone.write(bytes);
    }
  }

  String stderr() {
    try {
      return Files.exists(stderrFile) ? Files.readString(stderrFile) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() throws IOException {
    toClone.close();
    fromClone.close();
  }

  private static void mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("mkfifo " + path + " failed");
    }
  }
}
