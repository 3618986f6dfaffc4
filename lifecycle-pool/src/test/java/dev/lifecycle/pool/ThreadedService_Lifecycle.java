package dev.lifecycle.pool;

import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.ServiceOptions;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor;
import dev.lifecycle.runtime.spi.ServiceParameterDescriptor.Kind;
import dev.lifecycle.runtime.spi.ServiceParameters;
import java.util.List;

/** What the processor would generate for {@link ThreadedService}: its descriptor and fields. */
public final class ThreadedService_Lifecycle implements ServiceDispatcher<ThreadedService> {

  private static final String DECLARING = "dev.lifecycle.pool.ThreadedService";
  private static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor(ThreadedService.class,
      true, ServiceOptions.DEFAULTS, List.of(), List.of(), null, List.of(), List.of(
          new ServiceParameterDescriptor(0, "threads", Kind.INT, "int", false, DECLARING),
          new ServiceParameterDescriptor(1, "temperature", Kind.DOUBLE, "double", false, DECLARING),
          new ServiceParameterDescriptor(2, "size", Kind.ENUM, "dev.lifecycle.pool.ThreadedService.Size",
              true, DECLARING, List.of("SMALL", "LARGE"))));

  @Override
  public ServiceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ThreadedService newInstance() {
    return new ThreadedService();
  }

  @Override
  public void setParameter(ThreadedService service, String name, String value) {
    switch (name) {
      case "threads" -> service.threads = ServiceParameters.toInt(DESCRIPTOR, 0, value);
      case "temperature" -> service.temperature = ServiceParameters.toDouble(DESCRIPTOR, 1, value);
      case "size" -> service.size =
          ServiceParameters.toEnum(DESCRIPTOR, 2, ThreadedService.Size.class, value);
      default -> throw ServiceParameters.unknown(DESCRIPTOR, name);
    }
  }

  @Override
  public void callHook(ThreadedService service, int hookIndex) {
    throw new IllegalArgumentException("no hook " + hookIndex);
  }

  @Override
  public Object invoke(ThreadedService service, String method, Object[] args) {
    throw new IllegalArgumentException("no method " + method);
  }
}
