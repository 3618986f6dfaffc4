package dev.lifecycle.it.worker;

import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service without a memory snapshot, for calls across the process boundary: arguments and
 * results of several types, a user exception, a slow call, a crash.
 */
@Service
public class TypesService {

  /** A record argument and result. */
  public record Point(int x, int y) {}

  /** Which container and worker JVM served a call. */
  public record Self(String containerId, long pid) {}

  /** A checked exception of the service's own. */
  public static class InventoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
      super(message);
    }
  }

  @Method
  public int add(int a, int b) {
    return a + b;
  }

  @Method
  public List<Long> doubled(List<Long> values) {
    return values.stream().map(v -> v * 2).toList();
  }

  @Method
  public Map<String, Integer> lengths(List<String> words) {
    Map<String, Integer> result = new LinkedHashMap<>();
    words.forEach(w -> result.put(w, w.length()));
    return result;
  }

  @Method
  public Point mirror(Point p) {
    return new Point(p.y(), -p.x());
  }

  @Method
  public String describe(String name, boolean loud, double factor, char mark) {
    String text = name + " x" + factor + mark;
    return loud ? text.toUpperCase() : text;
  }

  @Method
  public void nothing() {}

  /** A subclass of the declared exception that the method's clause does not name. */
  public static class OutOfStockException extends InventoryException {
    private static final long serialVersionUID = 1L;

    public OutOfStockException(String message) {
      super(message);
    }
  }

  /** An exception of the service's own that no method declares. */
  public static class UndeclaredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UndeclaredException(String message) {
      super(message);
    }
  }

  @Method
  public String take(String item) throws InventoryException {
    throw new InventoryException("no " + item + " left in stock");
  }

  /**
   * Throws what {@code kind} names: {@code "declared"}, {@code "subclass"}, {@code "jdk"} (an
   * IllegalArgumentException caused by an ArithmeticException) or {@code "undeclared"}.
   */
  @Method
  public String fail(String kind) throws InventoryException {
    switch (kind) {
      case "declared" -> throw new InventoryException("declared");
      case "subclass" -> throw new OutOfStockException("subclass");
      case "jdk" -> throw new IllegalArgumentException("jdk", new ArithmeticException("/ by zero"));
      default -> throw new UndeclaredException("undeclared");
    }
  }

  /** Sleeps; first appends {@code "sleep <millis> <container id> <pid>"} to the file {@code sleeps}. */
  @Method
  public String sleep(long millis) throws InterruptedException {
    WorkerFiles.append("sleeps", "sleep " + millis + " " + containerId() + " " + ProcessHandle.current().pid());
    Thread.sleep(millis);
    return "slept " + millis;
  }

  @Method
  public String halt(int status) {
    Runtime.getRuntime().halt(status);
    return "unreachable";
  }

  @Method
  public Self self() {
    return new Self(containerId(), ProcessHandle.current().pid());
  }

  /** Sleeps, then says which container served the call. */
  @Method
  public String containerIdAfter(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return containerId();
  }

  @Method
  public String containerId() {
    return RestoreEnvironment.containerId().orElse("none");
  }

  @Exit
  void recordExit() {
    WorkerFiles.append("exits", "exit " + RestoreEnvironment.containerId().orElse("none"));
  }
}
