package dev.lifecycle.runtime.boundary;

import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;

/** {@link CallEncoding#none()}. */
enum NoEncoding implements CallEncoding {
  INSTANCE;

  @Override
  public Object[] arguments(ServiceDescriptor service, MethodDescriptor method, Object[] args) {
    return args;
  }

  @Override
  public Object result(ServiceDescriptor service, MethodDescriptor method, Object result) {
    return result;
  }
}
