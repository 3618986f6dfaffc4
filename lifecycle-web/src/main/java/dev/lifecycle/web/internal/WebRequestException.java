package dev.lifecycle.web.internal;

/**
 * A request the frontend answers with an error before anything of the service runs: a 4xx
 * status and a message that names the endpoint, what is wrong and how to send it right.
 */
final class WebRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  WebRequestException(int status, String message) {
    super(message, null, false, false); // an answer, not a bug: no stack trace needed
    this.status = status;
  }

  int status() {
    return status;
  }
}
