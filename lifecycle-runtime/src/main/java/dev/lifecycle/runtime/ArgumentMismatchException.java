package dev.lifecycle.runtime;

/** The arguments of a call do not fit the {@code @Method}'s parameters, in number or in type. */
public final class ArgumentMismatchException extends DispatchException {

  private static final long serialVersionUID = 1L;

  public ArgumentMismatchException(String message) {
    super(message);
  }
}
