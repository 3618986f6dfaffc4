package dev.lifecycle.processor.reading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP methods a {@code @WebEndpoint} may answer. They are accepted in any case, as HTTP
 * clients and frameworks commonly are, and kept upper case, as requests spell them, so that
 * {@code "post"} and {@code "POST"} are one route.
 */
public final class HttpMethods {

  /** In the order messages list them. */
  private static final List<String> SUPPORTED = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private HttpMethods() {}

  /** {@code GET, POST, PUT, PATCH or DELETE}, for messages. */
  public static String listed() {
    return String.join(", ", SUPPORTED.subList(0, SUPPORTED.size() - 1))
        + " or " + SUPPORTED.get(SUPPORTED.size() - 1);
  }

  /** {@code "POST"} for {@code "post"}; empty for a method endpoints cannot answer. */
  public static Optional<String> normalise(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return SUPPORTED.contains(upper) ? Optional.of(upper) : Optional.empty();
  }
}
