package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.LifecycleMember;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * A lifecycle member with the service it is checked for: empty where it is checked as written,
 * before any service uses it; the rules that depend on the service then have nothing to check.
 */
record MemberUnderValidation(LifecycleMember member, Optional<AnnotatedService> service) {

  ExecutableElement method() {
    return member.method();
  }

  /** {@code Model.load(String)}, for messages. */
  String name() {
    return Names.method(member.method());
  }
}
