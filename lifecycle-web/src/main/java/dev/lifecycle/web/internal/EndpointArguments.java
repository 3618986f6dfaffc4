package dev.lifecycle.web.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lifecycle.runtime.spi.ParameterDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an HTTP request into the arguments of one {@code @WebEndpoint}, by parameter name, each
 * converted to the type the parameter declares (generics included) by {@link WebJson}, without
 * coercing one JSON type into another. The rules are in {@link JdkWebFrontend}.
 */
final class EndpointArguments {

  /**
   * Endpoint methods whose parameters come from the query string; every other one sends a body.
   * A HEAD request runs the GET endpoint, so it is a GET here.
   */
  static final Set<String> QUERY_METHODS = Set.of("GET", "DELETE");

  /** Where Jackson's messages turn to advice for whoever configures Jackson. */
  private static final List<String> JACKSON_ADVICE = List.of(" (but ", ": disable ");

  private final String serviceName;
  private final WebMethodDescriptor endpoint;
  /** Finds the classes of the parameters' type arguments: the service's. */
  private final ClassLoader loader;

  EndpointArguments(ServiceDescriptor service, WebMethodDescriptor endpoint) {
    this.loader = service.serviceClass().getClassLoader() != null
        ? service.serviceClass().getClassLoader()
        : ClassLoader.getSystemClassLoader();
    this.serviceName = service.serviceName();
    this.endpoint = endpoint;
  }

  /** The arguments, in declaration order, from the query string or from the JSON body. */
  Object[] decode(String rawQuery, InputStream body) throws WebRequestException {
    return QUERY_METHODS.contains(endpoint.httpMethod()) ? fromQuery(rawQuery) : fromBody(body);
  }

  /** {@code ?text=hi&n=3}: each value a string, converted; repeats only for collections. */
  Object[] fromQuery(String rawQuery) throws WebRequestException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : urlDecode(pair.substring(equals + 1));
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    rejectUnknown(values.keySet(), "query parameter");
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    for (ParameterDescriptor parameter : endpoint.method().parameters()) {
      List<String> given = values.get(parameter.name());
      if (given == null) {
        continue;
      }
      if (takesMany(parameter)) {
        ArrayNode items = fields.putArray(parameter.name());
        given.forEach(items::add);
      } else if (given.size() > 1) {
        throw badRequest("query parameter '" + parameter.name() + "' is given " + given.size()
            + " times, but parameter " + parameter + " takes one value; only collection and array "
            + "parameters take repeats (?" + parameter.name() + "=a&" + parameter.name() + "=b)");
      } else {
        fields.set(parameter.name(), TextNode.valueOf(given.get(0)));
      }
      if (given.contains("") && !WebJson.takesEmptyText(parameter, loader)) {
        throw badRequest("query parameter '" + parameter.name() + "' is empty, but parameter '"
            + parameter.name() + "' must be " + parameter.genericType() + ": send a value ("
            + "?" + parameter.name() + "=...); only text parameters take an empty one");
      }
    }
    return convert(fields, true);
  }

  /**
   * A JSON object with one field per parameter; an empty body counts as {@code {}}. Read as a
   * stream: a body held in pieces need not be copied whole.
   */
  Object[] fromBody(InputStream body) throws WebRequestException {
    JsonNode tree;
    try {
      tree = WebJson.readBody(body);
    } catch (JsonProcessingException e) {
      throw badRequest("the request body is not valid JSON: " + e.getOriginalMessage()
          + at(e.getLocation()) + ". Send a JSON object with one field per parameter"
          + expected());
    } catch (IOException e) {
      throw badRequest("the request body could not be read: " + e);
    }
    if (tree == null || tree.isMissingNode()) {
      tree = JsonNodeFactory.instance.objectNode(); // an empty (or blank) body: no parameters
    }
    if (!(tree instanceof ObjectNode fields)) {
      throw badRequest("the request body must be a JSON object with one field per parameter"
          + expected() + ", but it is " + article(tree.getNodeType().name().toLowerCase()));
    }
    List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    rejectUnknown(names, "field");
    return convert(fields, false);
  }

  private Object[] convert(ObjectNode fields, boolean fromQuery) throws WebRequestException {
    List<ParameterDescriptor> parameters = endpoint.method().parameters();
    Object[] args = new Object[parameters.size()];
    for (int i = 0; i < args.length; i++) {
      ParameterDescriptor parameter = parameters.get(i);
      JsonNode value = fields.get(parameter.name());
      if (value == null) {
        throw badRequest("missing parameter '" + parameter.name() + "' (" + parameter.genericType()
            + "): send it " + (fromQuery
                ? "as a query parameter (?" + parameter.name() + "=...)"
                : "as a field of the JSON body ({\"" + parameter.name() + "\": ...})")
            + expected());
      }
      if (value.isNull()) {
        // Java has no nullable marker to honour: a null would reach the method as a surprise.
        throw badRequest("parameter '" + parameter.name() + "' (" + parameter.genericType()
            + ") is null: send a value");
      }
      try {
        args[i] = fromQuery ? WebJson.fromText(value, parameter, loader) : WebJson.fromBody(value, parameter, loader);
      } catch (IllegalArgumentException e) {
        throw badRequest("parameter '" + parameter.name() + "' must be " + parameter.genericType()
            + ", but " + describe(value) + " cannot be read as one: " + reason(e));
      }
    }
    return args;
  }

  private void rejectUnknown(Collection<String> names, String what) throws WebRequestException {
    Set<String> known = endpoint.method().parameters().stream()
        .map(ParameterDescriptor::name).collect(Collectors.toSet());
    for (String name : names) {
      if (!known.contains(name)) {
        throw badRequest("unknown " + what + " '" + name + "'" + expected());
      }
    }
  }

  /** {@code ; it takes text (java.lang.String), n (int)}: what to send instead. */
  private String expected() {
    List<ParameterDescriptor> parameters = endpoint.method().parameters();
    if (parameters.isEmpty()) {
      return "; it takes no parameters";
    }
    return parameters.stream()
        .map(p -> p.name() + " (" + p.genericType() + ")")
        .collect(Collectors.joining(", ", "; it takes ", ""));
  }

  private WebRequestException badRequest(String problem) {
    return new WebRequestException(
        400, endpoint.displayName() + " of service " + serviceName + ": " + problem + ".");
  }

  private String urlDecode(String text) throws WebRequestException {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badRequest("the query string is not URL-encoded correctly near '" + text + "': "
          + e.getMessage());
    }
  }

  private static boolean takesMany(ParameterDescriptor parameter) {
    return parameter.type().isArray() || Collection.class.isAssignableFrom(parameter.type());
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String describe(JsonNode value) {
    String json = value.toString();
    return json.length() > 80 ? json.substring(0, 77) + "..." : json;
  }

  /**
   * Jackson's own words without its source location and its advice on configuring Jackson
   * ("(but could if coercion was enabled using `CoercionConfig`)"), which mean nothing to a client.
   */
  private static String reason(IllegalArgumentException e) {
    Throwable cause = e.getCause();
    String message = cause instanceof JsonMappingException mapping
        ? mapping.getOriginalMessage()
        : e.getMessage();
    if (message == null) {
      return e.toString();
    }
    Iterator<String> lines = message.lines().iterator();
    String first = lines.hasNext() ? lines.next() : message;
    for (String advice : JACKSON_ADVICE) {
      int at = first.indexOf(advice);
      if (at > 0) {
        first = first.substring(0, at);
      }
    }
    return first;
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }
}
