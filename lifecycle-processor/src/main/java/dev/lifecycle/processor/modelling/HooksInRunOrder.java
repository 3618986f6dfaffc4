package dev.lifecycle.processor.modelling;

import dev.lifecycle.processor.model.HookKind;
import dev.lifecycle.processor.model.HookModel;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.ArrayList;
import java.util.List;

/**
 * The hooks of a service in the order the container runs them. Enter hooks keep the top-down order
 * of the members, those before the snapshot first. Exit hooks run subclass first, like JUnit's
 * {@code @AfterEach}: classes bottom-up, declaration order within a class.
 */
final class HooksInRunOrder {

  private HooksInRunOrder() {}

  static List<HookModel> of(List<LifecycleMember> members) {
    List<HookModel> hooks = new ArrayList<>();
    for (HookKind kind : List.of(HookKind.ENTER_BEFORE_SNAPSHOT, HookKind.ENTER_AFTER_SNAPSHOT)) {
      members.stream()
          .filter(member -> member.isHook() && member.hookKind() == kind)
          .map(HooksInRunOrder::hook)
          .forEach(hooks::add);
    }
    List<HookModel> exits = new ArrayList<>();
    String currentClass = null;
    int classStart = 0;
    for (LifecycleMember member : members) {
      if (!member.isHook() || member.hookKind() != HookKind.EXIT) {
        continue;
      }
      HookModel hook = hook(member);
      if (!hook.declaringClass().equals(currentClass)) {
        currentClass = hook.declaringClass();
        classStart = 0;
      }
      // Each class's group goes before the groups of its superclasses, in declaration order.
      exits.add(classStart++, hook);
    }
    hooks.addAll(exits);
    return hooks;
  }

  private static HookModel hook(LifecycleMember member) {
    return new HookModel(
        member.hookKind(),
        member.declaringType().getQualifiedName().toString(),
        member.method().getSimpleName().toString());
  }
}
