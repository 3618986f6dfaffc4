package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.util.stream.Collectors;

/** A call names a method that the service does not have (or that is not a {@code @Method}). */
public final class UnknownMethodException extends DispatchException {

  private static final long serialVersionUID = 1L;

  public UnknownMethodException(ServiceDescriptor service, String method) {
    super("Service " + service.serviceName() + " has no @Method named '" + method + "'. "
        + (service.methods().isEmpty()
            ? "It has no @Method at all: annotate the methods callers may invoke with @Method."
            : "Its methods are: " + service.methods().stream()
                .map(MethodDescriptor::signature)
                .collect(Collectors.joining(", ")) + "."));
  }
}
