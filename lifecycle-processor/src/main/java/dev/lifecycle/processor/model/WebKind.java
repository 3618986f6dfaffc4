package dev.lifecycle.processor.model;

/** The three web forms; the names match the runtime's {@code WebMethodDescriptor.Kind}. */
public enum WebKind {
  /** {@code @WebEndpoint}: one HTTP method and path. */
  ENDPOINT,
  /** {@code @WebApp}: an {@code HttpHandler} that serves every path. */
  APP,
  /** {@code @WebServer}: a web server of its own on a port. */
  SERVER
}
