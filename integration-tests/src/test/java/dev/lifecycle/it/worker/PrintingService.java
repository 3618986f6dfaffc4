package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;

/** Prints a line in every hook and call, to standard output and error: what a pool's log shows. */
@Service(enableMemorySnapshot = true)
public class PrintingService {

  @Enter(snap = true)
  void load() {
    System.out.println("snap hook ran");
  }

  @Enter
  void setup() {
    System.err.println("post-snapshot hook ran in " + RestoreEnvironment.containerId().orElse("?"));
  }

  @Method
  public String shout(String word) {
    System.out.println("shouting " + word);
    return word.toUpperCase(java.util.Locale.ROOT);
  }

  /** Logs a warning with a stack trace, as a service's own logger would. */
  @Method
  public void warn(String what) {
    System.getLogger(PrintingService.class.getName())
        .log(System.Logger.Level.WARNING, "careful: " + what, new IllegalStateException(what));
  }

  /** Ends this worker JVM at once, as a crash would. */
  @Method
  public void die() {
    Runtime.getRuntime().halt(3);
  }

  @Exit
  void close() {
    System.out.println("exit hook ran");
  }
}
