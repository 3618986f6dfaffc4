package dev.lifecycle.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A pool decided to start or stop a container. */
@Name("dev.lifecycle.Scaling")
@Label("Scaling")
@Category("Lifecycle")
public final class ScalingEvent extends Event {

  @Label("Service")
  public String service;

  @Label("Decision")
  public String decision;

  @Label("Container")
  public String container;

  @Label("Containers")
  public int containers;
}
