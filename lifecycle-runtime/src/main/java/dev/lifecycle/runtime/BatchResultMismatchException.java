package dev.lifecycle.runtime;

/**
 * A {@code @Batched} method returned another number of results than its batch had inputs, so no
 * input of that batch can be given its own: each of them fails with this exception.
 */
public final class BatchResultMismatchException extends ContainerException {

  private static final long serialVersionUID = 1L;

  public BatchResultMismatchException(String serviceName, String method, int inputs, int results) {
    super(serviceName, "@Batched method " + method + " of service " + serviceName + " returned "
        + results + " result(s) for a batch of " + inputs + " input(s): it must return exactly one"
        + " result per input, in the order of the inputs.", null);
  }
}
