package dev.lifecycle.runtime.internal;

/**
 * The web frontend could not start: its port could not be bound, or the {@code @WebApp} method
 * failed. The message says what and how to fix it; the container turns it into its start failure.
 */
public final class WebStartException extends Exception {

  private static final long serialVersionUID = 1L;

  public WebStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
