package dev.lifecycle.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One input of a container, from its start in a slot to its end: a call or a web request. */
@Name("dev.lifecycle.Input")
@Label("Input")
@Category("Lifecycle")
@Description("A call or web request served by a container, from its slot to its end")
public final class InputEvent extends Event {

  @Label("Service")
  public String service;

  @Label("Container")
  public String container;

  @Label("Input")
  @Description("@Method predict, @WebEndpoint POST /predict ...")
  public String input;

  @Label("Outcome")
  @Description("returned, failed, timed out")
  public String outcome;
}
