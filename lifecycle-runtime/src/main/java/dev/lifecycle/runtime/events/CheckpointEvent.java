package dev.lifecycle.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The snapshot step of a container: its engine's checkpoint, taken, refused or skipped. */
@Name("dev.lifecycle.Checkpoint")
@Label("Checkpoint")
@Category("Lifecycle")
public final class CheckpointEvent extends Event {

  @Label("Service")
  public String service;

  @Label("Container")
  public String container;

  @Label("Engine")
  public String engine;

  @Label("Outcome")
  public String outcome;
}
