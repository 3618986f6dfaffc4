package dev.lifecycle.it.worker;

import dev.lifecycle.it.services.CalculatorService;
import dev.lifecycle.runtime.Container;

/** A container in a JVM without the Flight Recorder module: run by {@link JfrEventsTest}. */
public final class NoFlightRecorderMain {

  private NoFlightRecorderMain() {}

  public static void main(String[] args) {
    try (Container<CalculatorService> calculator = Container.start(CalculatorService.class)) {
      System.out.println("quotient " + calculator.call("divide", 6, 2));
    }
  }
}
