package dev.lifecycle.runtime.spi;

import dev.lifecycle.runtime.ArgumentMismatchException;

/**
 * Checks the arguments of a call against a method's parameters before generated code casts them,
 * so that a wrong call fails with a message that names the method and the parameter rather than
 * with a {@link ClassCastException} from inside the dispatcher.
 */
public final class Arguments {

  private static final Object[] NONE = new Object[0];

  private Arguments() {}

  /**
   * Returns {@code args} (an empty array for {@code null}) when every argument fits its parameter:
   * the count matches, each non-null argument is an instance of the parameter's type (its wrapper
   * for primitives), and no primitive parameter gets {@code null}.
   *
   * @throws ArgumentMismatchException otherwise
   */
  public static Object[] check(ServiceDescriptor service, MethodDescriptor method, Object[] args) {
    Object[] actual = args == null ? NONE : args;
    int expected = method.parameters().size();
    if (actual.length != expected) {
      throw new ArgumentMismatchException(
          "Method " + method.signature() + " of service " + service.serviceName() + " takes "
              + count(expected) + " but was called with " + actual.length + ".");
    }
    for (int i = 0; i < expected; i++) {
      ParameterDescriptor parameter = method.parameters().get(i);
      Object argument = actual[i];
      if (argument == null) {
        if (parameter.type().isPrimitive()) {
          throw mismatch(service, method, i, "is null, but the parameter is a primitive");
        }
      } else if (!boxed(parameter.type()).isInstance(argument)) {
        throw mismatch(
            service,
            method,
            i,
            "has type " + argument.getClass().getName() + ", but the parameter is");
      }
    }
    return actual;
  }

  private static ArgumentMismatchException mismatch(
      ServiceDescriptor service, MethodDescriptor method, int index, String problem) {
    ParameterDescriptor parameter = method.parameters().get(index);
    return new ArgumentMismatchException(
        "Argument " + (index + 1) + " (" + parameter.name() + ") of method " + method.signature()
            + " of service " + service.serviceName() + " " + problem + " "
            + parameter.genericType() + ".");
  }

  private static String count(int n) {
    return n == 1 ? "1 argument" : n + " arguments";
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    } else if (type == long.class) {
      return Long.class;
    } else if (type == boolean.class) {
      return Boolean.class;
    } else if (type == double.class) {
      return Double.class;
    } else if (type == float.class) {
      return Float.class;
    } else if (type == short.class) {
      return Short.class;
    } else if (type == byte.class) {
      return Byte.class;
    } else {
      return Character.class;
    }
  }
}
