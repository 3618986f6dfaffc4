package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.List;
import java.util.stream.Stream;

/** Says what its arguments arrived as, and returns a value it keeps: to see a boundary at work. */
@Service(enableMemorySnapshot = true)
public class BoundaryService {

  private final Shelf kept = new Shelf("kept", List.of("a", "b"));

  @Enter(snap = true)
  void load() {}

  /** An {@code ArrayList} through JSON, whatever list was passed without. */
  @Method
  public String listClass(List<Integer> numbers) {
    return numbers.getClass().getSimpleName();
  }

  /** {@code Label} through JSON, the subclass passed (if any) without. */
  @Method
  public String labelClass(Label label) {
    return label.getClass().getSimpleName();
  }

  /** The shelf this instance keeps: itself in one JVM, a copy across a boundary. */
  @Method
  public Shelf kept() {
    return kept;
  }

  /** The kept shelf {@code n} times, as a stream. */
  @Method
  public Stream<Shelf> shelves(int n) {
    return Stream.generate(() -> kept).limit(n);
  }

  /** The kept shelf, for tests that hold the instance. */
  public Shelf keptHere() {
    return kept;
  }

  public record Shelf(String name, List<String> books) {}

  /** A bean with one property. */
  public static class Label {
    private String text = "";

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }
  }
}
