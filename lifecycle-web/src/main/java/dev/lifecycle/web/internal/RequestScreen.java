package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a service's web methods refuse without running anything: a path no endpoint serves (and
 * no {@code @WebApp} takes), an HTTP method the path does not answer, arguments that do not fit
 * an endpoint's parameters. A container's frontend answers these itself; a pool's web address
 * answers them before it takes (or starts) a container, with the same status and words.
 */
public final class RequestScreen {

  /** A refused request: its status, its message, and for a 405 the methods the path allows. */
  public record Refusal(int status, String message, String allow) {

    /** Answers {@code exchange} with this refusal, as {@code {"error": ...}}. */
    public void send(HttpExchange exchange) throws IOException {
      if (allow != null) {
        exchange.getResponseHeaders().set("Allow", allow);
      }
      WebResponses.error(exchange, status, message);
    }
  }

  private final String serviceName;
  /** Path, then HTTP method; paths in declaration order for the 404 listing. */
  private final Map<String, Map<String, WebMethodDescriptor>> endpoints = new LinkedHashMap<>();
  private final Map<WebMethodDescriptor, EndpointArguments> arguments = new LinkedHashMap<>();
  private final boolean hasApp;

  public RequestScreen(ServiceDescriptor service) {
    this.serviceName = service.serviceName();
    for (WebMethodDescriptor endpoint : service.webMethods(WebMethodDescriptor.Kind.ENDPOINT)) {
      endpoints.computeIfAbsent(endpoint.path(), path -> new TreeMap<>())
          .put(endpoint.httpMethod(), endpoint);
      arguments.put(endpoint, new EndpointArguments(service, endpoint));
    }
    this.hasApp = !service.webMethods(WebMethodDescriptor.Kind.APP).isEmpty();
  }

  /** Why the request is refused, or empty when a container must answer it. */
  public Optional<Refusal> screen(
      String method, String path, String rawQuery, Supplier<InputStream> body) {
    Map<String, WebMethodDescriptor> byMethod = endpoints.get(path);
    if (byMethod == null) {
      return hasApp
          ? Optional.empty()
          : Optional.of(notFound(serviceName, path, endpoints.values().stream()
              .flatMap(atPath -> atPath.values().stream()).toList()));
    }
    WebMethodDescriptor endpoint = byMethod.get(method.equals("HEAD") ? "GET" : method);
    if (endpoint == null) {
      return Optional.of(notAllowed(serviceName, path, method, byMethod.values()));
    }
    try {
      arguments.get(endpoint).decode(rawQuery, body.get());
      return Optional.empty();
    } catch (WebRequestException e) {
      return Optional.of(new Refusal(e.status(), e.getMessage(), null));
    }
  }

  /** A 405: {@code path} is served, by {@code atPath}, but not with {@code method}. */
  static Refusal notAllowed(
      String serviceName, String path, String method, Collection<WebMethodDescriptor> atPath) {
    TreeSet<String> methods =
        atPath.stream().map(WebMethodDescriptor::httpMethod).collect(Collectors.toCollection(TreeSet::new));
    if (methods.contains("GET")) {
      methods.add("HEAD"); // HEAD is served wherever GET is
    }
    String allow = String.join(", ", methods);
    return new Refusal(405, "Service " + serviceName + " serves " + path + " with " + allow
        + " only, not " + method + ": " + atPath.stream()
            .map(WebMethodDescriptor::displayName).collect(Collectors.joining(", ")) + ".", allow);
  }

  /** A 404: none of {@code endpoints} (in the order to list them) serves {@code path}. */
  static Refusal notFound(String serviceName, String path, List<WebMethodDescriptor> endpoints) {
    String listing = endpoints.stream()
        .map(endpoint -> endpoint.httpMethod() + " " + endpoint.path())
        .collect(Collectors.joining(", "));
    return new Refusal(404, "Service " + serviceName + " has no endpoint at " + path
        + " (paths match exactly). Its endpoints are: " + listing + ".", null);
  }
}
