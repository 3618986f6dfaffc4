package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generated {@code <Service>Client} has a method of each {@code @Method}'s name, and one named
 * {@code <name>Async}, beside {@code of(...)} and what every Java object has: a {@code @Method}
 * named like one of those would make the client fail to compile, or override {@code toString()}
 * with a call to the service (LC132).
 */
final class ClientNameRules implements ServiceRule {

  /** The names the client has already: its factory, and {@code Object}'s methods. */
  private static final Set<String> TAKEN = Set.of("of", "equals", "hashCode", "toString",
      "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  @Override
  public void check(AnnotatedService service, ValidationReport.Builder report) {
    if (service.isServer()) {
      return;
    }
    Set<String> names = service.members().stream()
        .filter(LifecycleMember::isCallable)
        .map(member -> member.method().getSimpleName().toString())
        .collect(Collectors.toSet());
    for (LifecycleMember member : service.members()) {
      if (!member.isCallable()) {
        continue;
      }
      String name = member.method().getSimpleName().toString();
      String plain = name.endsWith("Async") ? name.substring(0, name.length() - 5) : null;
      String clash = TAKEN.contains(name)
          ? "has a method " + name + " already, as every client has"
          : plain != null && names.contains(plain)
              ? "gives that name to the asynchronous form of @Method " + plain
              : null;
      if (clash != null) {
        report.about(member.method()).report(Message.CLIENT_NAME_CLASH, Names.method(member.method()),
            Names.type(service.type()), clash);
      }
    }
  }
}
