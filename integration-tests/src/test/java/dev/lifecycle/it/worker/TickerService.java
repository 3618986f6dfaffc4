package dev.lifecycle.it.worker;

import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Streams made in worker JVMs, which write how far they got and whether they were closed. */
@Service
public class TickerService {

  /** {@code 0} to {@code n-1}. */
  @Method
  public Stream<Integer> count(int n) {
    return IntStream.range(0, n).boxed();
  }

  /** The first tick at once, the second once the test wrote the file {@code release}. */
  @Method
  public Stream<String> slow() {
    return Stream.of("first", "second").peek(tick -> {
      if (tick.equals("second")) {
        awaitRelease();
      }
    });
  }

  /** Ticks without end, each written down, until the caller closes its stream. */
  @Method
  public Stream<Integer> endless() {
    return Stream.iterate(0, i -> i + 1)
        .peek(i -> WorkerFiles.append("ticks", Integer.toString(i)))
        .onClose(() -> WorkerFiles.append("closed", "closed"));
  }

  private static void awaitRelease() {
    Path release = Path.of(System.getProperty(WorkerFiles.DIRECTORY), "release");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!Files.exists(release) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the release", e);
      }
    }
  }
}
