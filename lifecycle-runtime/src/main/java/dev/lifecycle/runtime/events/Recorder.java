package dev.lifecycle.runtime.events;

/**
 * Where Lifecycle's code emits its events. When the JVM has no Flight Recorder (a runtime image
 * made without the module {@code jdk.jfr}), nothing touches an event class, so containers run all
 * the same: a {@code begin...} method then gives {@code null}, and the {@code end...} methods
 * do nothing with it.
 */
public final class Recorder {

  private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

  private Recorder() {}

  /** A container's start begins: the token for {@link #endContainerStart}. */
  public static Object beginContainerStart() {
    return AVAILABLE ? Jfr.beginContainerStart() : null;
  }

  public static void endContainerStart(Object token, String service, String container, String kind,
      String where) {
    if (token != null) {
      Jfr.containerStart(token, service, container, kind, where);
    }
  }

  /** A checkpoint begins: the token for {@link #endCheckpoint}. */
  public static Object beginCheckpoint() {
    return AVAILABLE ? Jfr.beginCheckpoint() : null;
  }

  public static void endCheckpoint(Object token, String service, String container, String engine,
      String outcome) {
    if (token != null) {
      Jfr.checkpoint(token, service, container, engine, outcome);
    }
  }

  /** An input begins: the token for {@link #endInput}. */
  public static Object beginInput() {
    return AVAILABLE ? Jfr.beginInput() : null;
  }

  public static void endInput(Object token, String service, String container, String input,
      String outcome) {
    if (token != null) {
      Jfr.input(token, service, container, input, outcome);
    }
  }

  /** A pool's scaling decision, now. */
  public static void scaling(String service, String decision, String container, int containers) {
    if (AVAILABLE) {
      Jfr.scaling(service, decision, container, containers);
    }
  }

  /**
   * Makes the Flight Recorder set up every event type now (it generates a handler class for each on
   * its first use, about 10 ms): for a process about to be checkpointed, whose clones would each
   * pay for it on their first input otherwise. Records nothing.
   */
  public static void prepare() {
    if (AVAILABLE) {
      Jfr.prepare();
    }
  }

  /**
   * The only code that names the event classes, loaded (and verified) only when the Flight
   * Recorder is there: outside it, even a {@code new} of an event would make the verifier load
   * {@code jdk.jfr.Event}.
   */
  private static final class Jfr {

    static void prepare() {
      new ContainerStartEvent().shouldCommit();
      new CheckpointEvent().shouldCommit();
      new InputEvent().shouldCommit();
      new ScalingEvent().shouldCommit();
    }

    static Object beginContainerStart() {
      ContainerStartEvent event = new ContainerStartEvent();
      event.begin();
      return event;
    }

    static Object beginCheckpoint() {
      CheckpointEvent event = new CheckpointEvent();
      event.begin();
      return event;
    }

    static Object beginInput() {
      InputEvent event = new InputEvent();
      event.begin();
      return event;
    }

    static void containerStart(Object token, String service, String container, String kind,
        String where) {
      ContainerStartEvent event = (ContainerStartEvent) token;
      if (event.shouldCommit()) {
        event.service = service;
        event.container = container;
        event.kind = kind;
        event.where = where;
        event.commit();
      }
    }

    static void checkpoint(Object token, String service, String container, String engine,
        String outcome) {
      CheckpointEvent event = (CheckpointEvent) token;
      if (event.shouldCommit()) {
        event.service = service;
        event.container = container;
        event.engine = engine;
        event.outcome = outcome;
        event.commit();
      }
    }

    static void input(Object token, String service, String container, String input, String outcome) {
      InputEvent event = (InputEvent) token;
      if (event.shouldCommit()) {
        event.service = service;
        event.container = container;
        event.input = input;
        event.outcome = outcome;
        event.commit();
      }
    }

    static void scaling(String service, String decision, String container, int containers) {
      ScalingEvent event = new ScalingEvent();
      if (event.shouldCommit()) {
        event.service = service;
        event.decision = decision;
        event.container = container;
        event.containers = containers;
        event.commit();
      }
    }
  }
}
