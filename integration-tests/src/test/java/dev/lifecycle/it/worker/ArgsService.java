package dev.lifecycle.it.worker;

import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Parameters of many kinds, for the one argument rule in one JVM and through a pool. */
@Service
public class ArgsService {

  public enum Color { RED, GREEN }

  public record Rect(int width, int height) {}

  @Method
  public int divide(int a, int b) {
    return a / b;
  }

  @Method
  public long twice(long x) {
    return 2 * x;
  }

  @Method
  public double half(double x) {
    return x / 2;
  }

  @Method
  public short shorty(short s) {
    return s;
  }

  @Method
  public char next(char c) {
    return (char) (c + 1);
  }

  @Method
  public boolean not(boolean b) {
    return !b;
  }

  @Method
  public String echo(String s) {
    return s;
  }

  @Method
  public Integer boxed(Integer x) {
    return x;
  }

  @Method
  public int sum(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).sum();
  }

  @Method
  public int sizes(Map<String, List<Integer>> lists) {
    return lists.values().stream().mapToInt(List::size).sum();
  }

  @Method
  public long nested(List<List<Long>> xs) {
    return xs.stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
  }

  @Method
  public String shade(Color c) {
    return c.name();
  }

  @Method
  public int area(Rect r) {
    return r.width() * r.height();
  }

  @Method
  public int bytes(byte[] b) {
    return b.length;
  }

  @Method
  public int words(String[] ws) {
    return ws.length;
  }

  @Method
  public int count(Set<String> s) {
    return s.size();
  }

  @Method
  public String maybe(Optional<String> value) {
    return value.map(v -> "some " + v).orElse("none");
  }

  @Method
  public LocalDate nextDay(LocalDate day) {
    return day.plusDays(1);
  }

  @Method
  public Duration doubled(Duration d) {
    return d.multipliedBy(2);
  }

  @Method
  public int areas(List<Rect> rects) {
    return rects.stream().mapToInt(r -> r.width() * r.height()).sum();
  }

  @Method
  public Map<String, Rect> named(Map<String, Rect> rects) {
    return rects;
  }

  @Method
  public String maybeRect(Optional<Rect> rect) {
    return rect.map(Rect::toString).orElse("none");
  }

  @Method
  public ZonedDateTime zoned(ZonedDateTime when) {
    return when;
  }

  @Method
  public OffsetDateTime offset(OffsetDateTime when) {
    return when;
  }

  /** Throws what it declares for a negative {@code n}. */
  @Method
  public int checked(int n) throws IOException {
    if (n < 0) {
      throw new IOException("negative: " + n);
    }
    return n;
  }

  @Method
  public UUID same(UUID id) {
    return id;
  }

  @Method
  public BigDecimal precise(BigDecimal amount) {
    return amount;
  }

  @Method
  public BigInteger successor(BigInteger n) {
    return n.add(BigInteger.ONE);
  }

  @Method
  public Instant later(Instant when) {
    return when.plusSeconds(1);
  }

  @Method
  public String text(Label label) {
    return label.getText();
  }

  /**
   * Takes any {@link Label} in one JVM, a subclass included; through a pool only what JSON can
   * carry, which a subclass with more properties may not be.
   */
  @Method
  public String kind(Label value) {
    return value.getClass().getSimpleName();
  }

  /** A bean: a public no-argument constructor and a property with its getter and setter. */
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
