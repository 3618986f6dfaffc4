package dev.lifecycle.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A container's start, from being asked for to serving. */
@Name("dev.lifecycle.ContainerStart")
@Label("Container Start")
@Category("Lifecycle")
@Description("A container started: cold, checkpointed or restored from a memory snapshot")
public final class ContainerStartEvent extends Event {

  @Label("Service")
  public String service;

  @Label("Container")
  public String container;

  @Label("Kind")
  @Description("cold, checkpointed, restored")
  public String kind;

  @Label("Where")
  @Description("in-jvm: the container's own start; pool: as its pool saw it, worker JVM included")
  public String where;
}
