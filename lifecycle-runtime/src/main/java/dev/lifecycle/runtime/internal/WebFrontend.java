package dev.lifecycle.runtime.internal;

import java.net.URI;

/**
 * A container's running web frontend, serving its {@code @WebEndpoint}s and {@code @WebApp}
 * over HTTP. lifecycle-web implements it; the container only starts it, asks its address and
 * stops it.
 */
public interface WebFrontend extends AutoCloseable {

  /** {@code http://127.0.0.1:PORT/}: where the frontend listens. */
  URI address();

  /** Every request from now on is answered 503 at once. Idempotent. */
  void refuseNew();

  /**
   * Refuses new requests, lets every request already accepted get its answer, closes the socket
   * and ends the frontend's threads. Idempotent.
   */
  @Override
  void close();
}
