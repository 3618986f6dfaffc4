package dev.lifecycle.runtime;

/** A call that cannot reach a {@code @Method}: the name or the arguments are wrong. */
public abstract class DispatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  protected DispatchException(String message) {
    super(message);
  }
}
