package dev.lifecycle.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One web method of a service: a {@code @WebEndpoint}, a {@code @WebApp} or a {@code @WebServer}.
 *
 * @param index the method's position in {@link ServiceDescriptor#webMethods()}, which is also the
 *     number {@link ServiceDispatcher#callWeb} takes
 * @param kind which of the three web forms
 * @param method the Java method: name, parameters (only endpoints have any) and return type
 * @param httpMethod for {@link Kind#ENDPOINT}, the HTTP method it answers, upper case; else {@code
 *     null}
 * @param path for {@link Kind#ENDPOINT}, the path it answers, starting with {@code /}; else {@code
 *     null}
 * @param port for {@link Kind#SERVER}, the port the server the method starts listens on; else 0
 * @param startupTimeout for {@link Kind#SERVER}, how long the container waits for that port; else
 *     {@code null}
 */
public record WebMethodDescriptor(
    int index,
    Kind kind,
    MethodDescriptor method,
    String httpMethod,
    String path,
    int port,
    Duration startupTimeout) {

  /** The three web forms. */
  public enum Kind {
    /** {@code @WebEndpoint}: one HTTP method and path, JSON in and out. */
    ENDPOINT("@WebEndpoint"),
    /** {@code @WebApp}: returns an {@code HttpHandler} that serves every path. */
    APP("@WebApp"),
    /** {@code @WebServer}: starts a web server of its own on a port. */
    SERVER("@WebServer");

    private final String annotation;

    Kind(String annotation) {
      this.annotation = annotation;
    }

    /** How the user wrote it, for messages. */
    public String annotation() {
      return annotation;
    }
  }

  public WebMethodDescriptor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(method, "method");
    if ((kind == Kind.ENDPOINT) != (httpMethod != null && path != null)) {
      throw new IllegalArgumentException(
          "httpMethod and path are required for endpoints and only for them: " + kind);
    }
    if ((kind == Kind.SERVER) != (port > 0 && startupTimeout != null)) {
      throw new IllegalArgumentException(
          "port and startupTimeout are required for web servers and only for them: " + kind);
    }
  }

  /** A {@code @WebEndpoint}. */
  public static WebMethodDescriptor endpoint(
      int index, MethodDescriptor method, String httpMethod, String path) {
    return new WebMethodDescriptor(index, Kind.ENDPOINT, method, httpMethod, path, 0, null);
  }

  /** A {@code @WebApp}. */
  public static WebMethodDescriptor app(int index, MethodDescriptor method) {
    return new WebMethodDescriptor(index, Kind.APP, method, null, null, 0, null);
  }

  /** A {@code @WebServer}. */
  public static WebMethodDescriptor server(
      int index, MethodDescriptor method, int port, Duration startupTimeout) {
    return new WebMethodDescriptor(index, Kind.SERVER, method, null, null, port, startupTimeout);
  }

  /** {@code @WebEndpoint POST /predict predict(java.lang.String text)}: how messages name it. */
  public String displayName() {
    return switch (kind) {
      case ENDPOINT -> kind.annotation() + " " + httpMethod + " " + path + " " + method.signature();
      case APP -> kind.annotation() + " " + method.signature();
      case SERVER -> kind.annotation() + "(port = " + port + ") " + method.signature();
    };
  }
}
