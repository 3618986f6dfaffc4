package dev.lifecycle.processor.model;

import java.util.Objects;

/**
 * One web method of a service. Which attributes are set depends on the kind, as in the runtime's
 * {@code WebMethodDescriptor}; the factories below set the right ones.
 *
 * @param kind which of the three web forms
 * @param method the Java method: name, parameters (only endpoints have any) and return type
 * @param httpMethod for {@link WebKind#ENDPOINT}, the HTTP method, upper case; else {@code null}
 * @param path for {@link WebKind#ENDPOINT}, the path, starting with {@code /}; else {@code null}
 * @param port for {@link WebKind#SERVER}, the port, 1 to 65535; else 0
 * @param startupTimeoutSeconds for {@link WebKind#SERVER}, at least 1; else 0
 */
public record WebMethodModel(
    WebKind kind,
    MethodModel method,
    String httpMethod,
    String path,
    int port,
    int startupTimeoutSeconds) {

  public WebMethodModel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(method, "method");
    // Caught here rather than as a failing constructor in the generated dispatcher's class init.
    if ((kind == WebKind.ENDPOINT) != (httpMethod != null && path != null)) {
      throw new IllegalArgumentException("httpMethod and path are for endpoints only: " + kind);
    }
    if ((kind == WebKind.SERVER) != (port > 0 && startupTimeoutSeconds > 0)) {
      throw new IllegalArgumentException(
          "port and startupTimeoutSeconds are for web servers only: " + kind);
    }
  }

  /** A {@code @WebEndpoint}. */
  public static WebMethodModel endpoint(MethodModel method, String httpMethod, String path) {
    return new WebMethodModel(WebKind.ENDPOINT, method, httpMethod, path, 0, 0);
  }

  /** A {@code @WebApp}. */
  public static WebMethodModel app(MethodModel method) {
    return new WebMethodModel(WebKind.APP, method, null, null, 0, 0);
  }

  /** A {@code @WebServer}. */
  public static WebMethodModel server(MethodModel method, int port, int startupTimeoutSeconds) {
    return new WebMethodModel(WebKind.SERVER, method, null, null, port, startupTimeoutSeconds);
  }
}
