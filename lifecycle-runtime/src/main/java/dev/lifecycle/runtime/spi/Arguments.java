package dev.lifecycle.runtime.spi;

import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.internal.RecentlyUsed;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one argument rule, applied before generated code casts the arguments, in one JVM and (by
 * the pool, on the caller's side, before anything is sent) through a pool, so that a call means
 * the same in both: what Java itself converts without a cast is accepted (a primitive widened: an
 * {@code Integer} for a {@code long}, an {@code int} for a {@code double}), nothing lossy or
 * foreign is (a {@code Double} for an {@code int}, a {@code String} for a number, {@code null}
 * for a primitive), and the elements of collections, maps, arrays and {@code Optional}s are
 * checked against the declared type arguments. A wrong call fails with a message that names the
 * method and the parameter rather than with a {@link ClassCastException} from inside the method.
 */
public final class Arguments {

  private static final Object[] NONE = new Object[0];

  private Arguments() {}

  /**
   * Returns the arguments to pass: {@code args} (an empty array for {@code null}), with primitive
   * arguments widened to their parameter's type where Java would widen them.
   *
   * @throws ArgumentMismatchException when the count differs, an argument is {@code null} for a
   *     primitive, is neither its parameter's type nor widened to it by Java, or holds an element,
   *     key or value of another type than the parameter's type arguments
   */
  public static Object[] check(ServiceDescriptor service, MethodDescriptor method, Object[] args) {
    return check(service, method, method.parameters(), args);
  }

  /**
   * As {@link #check}, for what a caller passes: a {@code @Batched} method's caller passes one
   * input, of its list's element type, where the method itself takes the list.
   */
  public static Object[] checkCall(ServiceDescriptor service, MethodDescriptor method, Object[] args) {
    return check(service, method, method.callParameters(), args);
  }

  private static Object[] check(ServiceDescriptor service, MethodDescriptor method,
      List<ParameterDescriptor> parameters, Object[] args) {
    Object[] actual = args == null ? NONE : args;
    int expected = parameters.size();
    if (actual.length != expected) {
      throw new ArgumentMismatchException(
          "Method " + method.signature() + " of service " + service.serviceName() + " takes "
              + count(expected) + " but was called with " + actual.length + ".");
    }
    Object[] passed = actual;
    for (int i = 0; i < expected; i++) {
      ParameterDescriptor parameter = parameters.get(i);
      Object argument = actual[i];
      Object fitted = fit(service, method, i, parameter, argument);
      if (fitted != argument) {
        if (passed == actual) {
          passed = actual.clone();
        }
        passed[i] = fitted;
      }
    }
    return passed;
  }

  private static Object fit(ServiceDescriptor service, MethodDescriptor method, int index,
      ParameterDescriptor parameter, Object argument) {
    Class<?> type = parameter.type();
    if (argument == null) {
      if (type.isPrimitive()) {
        throw mismatch(service, method, index, parameter, "is null, but the parameter is a primitive");
      }
      if (type == Optional.class) {
        // JSON has one null for both: through a pool it would arrive as Optional.empty().
        throw mismatch(service, method, index, parameter,
            "is null (pass Optional.empty() for none), but the parameter is");
      }
      return null;
    }
    Object fitted = type.isPrimitive() ? Widening.to(type, argument)
        : type.isInstance(argument) ? argument : null;
    if (fitted == null) {
      throw mismatch(service, method, index, parameter,
          "has type " + argument.getClass().getName() + ", but the parameter is");
    }
    if (!Elements.holdsElements(fitted)) { // a widened primitive never does
      return fitted;
    }
    String wrong = Elements.firstMismatch(declaredType(service, parameter), argument);
    if (wrong != null) {
      throw mismatch(service, method, index, parameter, "holds " + wrong + ", but the parameter is");
    }
    return argument;
  }

  /** Parameters read before, most recently used last; bounded, as class loaders may come and go. */
  private static final Map<ParameterDescriptor, DeclaredType> DECLARED = new RecentlyUsed<>(1024);

  private static DeclaredType declaredType(ServiceDescriptor service, ParameterDescriptor parameter) {
    synchronized (DECLARED) {
      DeclaredType known = DECLARED.get(parameter);
      if (known != null) {
        return known;
      }
    }
    DeclaredType read = DeclaredType.parse(parameter.genericType(), loaderOf(service));
    synchronized (DECLARED) {
      DECLARED.put(parameter, read);
    }
    return read;
  }

  private static ClassLoader loaderOf(ServiceDescriptor service) {
    ClassLoader loader = service.serviceClass().getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private static ArgumentMismatchException mismatch(ServiceDescriptor service,
      MethodDescriptor method, int index, ParameterDescriptor parameter, String problem) {
    return new ArgumentMismatchException(
        "Argument " + (index + 1) + " (" + parameter.name() + ") of method " + method.signature()
            + " of service " + service.serviceName() + " " + problem + " "
            + parameter.genericType() + ".");
  }

  private static String count(int n) {
    return n == 1 ? "1 argument" : n + " arguments";
  }
}
