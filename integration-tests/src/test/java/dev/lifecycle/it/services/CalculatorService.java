package dev.lifecycle.it.services;

import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Methods with results, one that throws on bad input. */
@Service
public class CalculatorService {

  private final AtomicInteger calls = new AtomicInteger();

  @Method
  public int divide(int dividend, int divisor) {
    calls.incrementAndGet();
    return dividend / divisor;
  }

  @Method
  public long sum(List<Integer> numbers) {
    calls.incrementAndGet();
    return numbers.stream().mapToLong(Integer::longValue).sum();
  }

  @Method
  public void reset() {
    calls.set(0);
  }

  public int calls() {
    return calls.get();
  }
}
