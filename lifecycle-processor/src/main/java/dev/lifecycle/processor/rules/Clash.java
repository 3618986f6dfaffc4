package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.stream.Stream;

/**
 * Two members of a service that claim what only one of them can have (a name, a route, a port):
 * the error goes on the later one, in hierarchy order, and names the service and both members.
 */
final class Clash {

  private Clash() {}

  /**
   * Reports {@code message} on {@code onLater}, which points at {@code later}, with {@code what}
   * clashes, then the service and the two members as its arguments.
   */
  static void report(
      ValidationReport.Builder onLater,
      Message message,
      AnnotatedService service,
      LifecycleMember first,
      LifecycleMember later,
      Object... what) {
    Object[] names = {
      Names.type(service.type()), Names.method(first.method()), Names.method(later.method())
    };
    onLater.report(message, Stream.concat(Stream.of(what), Stream.of(names)).toArray());
  }
}
