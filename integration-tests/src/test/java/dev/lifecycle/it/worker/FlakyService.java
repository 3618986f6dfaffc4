package dev.lifecycle.it.worker;

import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.nio.file.Path;

/** Fails its first calls on purpose, counting them in worker files: to see retries at work. */
@Service
public class FlakyService {

  /** Halts its own worker JVM (as a crash would) for the first {@code times} calls. */
  @Method
  public String survive(int times) {
    if (attemptsBefore("deaths") < times) {
      Runtime.getRuntime().halt(3);
    }
    return "survived";
  }

  /** Throws for the first {@code times} calls. */
  @Method
  public String recover(int times) {
    if (attemptsBefore("failures") < times) {
      throw new IllegalStateException("not yet");
    }
    return "recovered";
  }

  /** How many calls were counted in {@code file} before this one, which it counts too. */
  private static int attemptsBefore(String file) {
    int before = WorkerFiles.lines(Path.of(System.getProperty(WorkerFiles.DIRECTORY)), file).size();
    WorkerFiles.append(file, "attempt");
    return before;
  }
}
