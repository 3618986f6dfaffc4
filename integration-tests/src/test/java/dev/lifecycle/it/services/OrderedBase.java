package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;

/** Hooks of a superclass; the plain enter hook is declared before the snap hook on purpose. */
public abstract class OrderedBase {

  @Enter
  void baseEnter() {
    Journal.write("base.enter");
  }

  @Enter(snap = true)
  void baseSnap() {
    Journal.write("base.snap");
  }

  @Exit
  void baseExitFirst() {
    Journal.write("base.exit1");
  }

  @Exit
  void baseExitSecond() {
    Journal.write("base.exit2");
  }
}
