package dev.lifecycle.pool.internal.protocol;

import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Which exceptions thrown in a worker reach the caller as themselves: the types the method's
 * {@code throws} clause declares and the JDK's common unchecked ones ({@link #JDK_TYPES}). The
 * candidates are {@link Class} objects of this JVM, from the compiled method and this list; a
 * worker only says which of them its exception is (its class name, or a superclass's), so no class
 * is ever loaded by a name the worker sent.
 *
 * <p>An exception of a candidate type, or of a subclass this JVM does not know of a candidate (the
 * nearest one is taken), is made anew from its message (and cause), with the worker's stack trace
 * as its own. Every other exception, and a candidate that has no public constructor taking a
 * message, stays a {@link RemoteException} with type, message and stack trace.
 */
public final class TravellingExceptions {

  /** The JDK's unchecked exceptions callers catch by type, and the runtime rebuilds as such. */
  public static final List<Class<? extends RuntimeException>> JDK_TYPES = List.of(
      IllegalArgumentException.class,
      IllegalStateException.class,
      ArithmeticException.class,
      NullPointerException.class,
      UnsupportedOperationException.class,
      IndexOutOfBoundsException.class,
      ArrayIndexOutOfBoundsException.class,
      StringIndexOutOfBoundsException.class,
      NoSuchElementException.class,
      ClassCastException.class,
      NumberFormatException.class,
      ArrayStoreException.class,
      NegativeArraySizeException.class,
      ConcurrentModificationException.class,
      DateTimeException.class,
      SecurityException.class,
      UncheckedIOException.class);

  private TravellingExceptions() {}

  /**
   * {@code error} as the exception the caller catches: of its own type (or the nearest declared or
   * listed supertype) when that is one of {@code declared} or {@link #JDK_TYPES}, else a {@link
   * RemoteException}. Its causes follow the same rule.
   */
  public static Throwable rebuild(RemoteError error, List<Class<? extends Throwable>> declared) {
    List<Class<? extends Throwable>> candidates = new ArrayList<>(declared);
    candidates.addAll(JDK_TYPES);
    return rebuild(error, candidates, 0);
  }

  private static Throwable rebuild(RemoteError error, List<Class<? extends Throwable>> candidates,
      int depth) {
    Throwable cause = error.cause() == null || depth > 8 ? null
        : rebuild(error.cause(), candidates, depth + 1);
    Optional<Throwable> typed = typeOf(error, candidates)
        .flatMap(type -> instantiate(type, error.message(), cause));
    if (typed.isEmpty()) {
      return error.toException();
    }
    Throwable exception = typed.get();
    exception.setStackTrace(RemoteException.frames(error));
    return exception;
  }

  /** The candidate the error is, or the nearest one it is a subclass of. */
  private static Optional<Class<? extends Throwable>> typeOf(RemoteError error,
      List<Class<? extends Throwable>> candidates) {
    List<String> names = new ArrayList<>();
    names.add(error.type());
    names.addAll(error.supertypes());
    for (String name : names) {
      for (Class<? extends Throwable> candidate : candidates) {
        if (candidate.getName().equals(name)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Throwable> instantiate(Class<? extends Throwable> type, String message,
      Throwable cause) {
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      return Optional.empty();
    }
    try {
      if (cause != null) {
        // (String message, X cause) for the cause's own type, as UncheckedIOException has it.
        for (Constructor<?> c : type.getConstructors()) {
          Class<?>[] p = c.getParameterTypes();
          if (p.length == 2 && p[0] == String.class && p[1].isInstance(cause)) {
            return Optional.of((Throwable) c.newInstance(message, cause));
          }
        }
      }
      Optional<Constructor<? extends Throwable>> withMessage = constructor(type, String.class);
      if (withMessage.isPresent()) {
        Throwable exception = withMessage.get().newInstance(message);
        if (cause != null && exception.getCause() == null) {
          exception.initCause(cause);
        }
        return Optional.of(exception);
      }
      return Optional.empty();
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException
        | IllegalStateException | IllegalArgumentException e) {
      return Optional.empty(); // a constructor that refuses: the caller gets a RemoteException
    }
  }

  private static Optional<Constructor<? extends Throwable>> constructor(
      Class<? extends Throwable> type, Class<?>... parameters) {
    try {
      return Optional.of(type.getConstructor(parameters));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
