package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** Hooks in a subclass and its superclass, snap and plain ones mixed, to check every order. */
@Service(enableMemorySnapshot = true)
public class OrderedService extends OrderedBase {

  @Enter
  void subEnterFirst() {
    Journal.write("sub.enter1");
  }

  @Enter(snap = true)
  void subSnap() {
    Journal.write("sub.snap");
  }

  @Enter
  void subEnterSecond() {
    Journal.write("sub.enter2");
  }

  @Method
  public String work(String input) {
    Journal.write("method:" + input);
    return input.toUpperCase(java.util.Locale.ROOT);
  }

  @Exit
  void subExitFirst() {
    Journal.write("sub.exit1");
  }

  @Exit
  void subExitSecond() {
    Journal.write("sub.exit2");
  }
}
