package dev.lifecycle.pool.internal.protocol;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ParameterDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.web.internal.StrictJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns call arguments and results into JSON trees and back. Decoding converts each tree to the
 * type the {@code @Method} declares (generics included, e.g. {@code List<Long>}), so the sender
 * never chooses which class is instantiated.
 */
public final class ArgumentCodec {

  private ArgumentCodec() {}

  /**
   * One argument or result as a JSON tree.
   *
   * @throws IllegalArgumentException when JSON cannot carry it
   */
  public static JsonNode encodeValue(Object value) {
    return FrameChannel.JSON.valueToTree(value);
  }

  /**
   * The arguments of a call of {@code method} of {@code serviceName} as JSON trees, as the caller
   * sends them.
   *
   * @throws ArgumentMismatchException when JSON cannot carry one of them
   */
  public static List<JsonNode> encodeArguments(String serviceName, String method, Object[] args) {
    Object[] values = args == null ? new Object[0] : args;
    List<JsonNode> encoded = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      try {
        encoded.add(encodeValue(values[i]));
      } catch (IllegalArgumentException e) {
        // Our words, not the JSON library's: which argument, of which class.
        throw new ArgumentMismatchException("Argument " + (i + 1) + " of '" + method + "' of service "
            + serviceName + " is a " + values[i].getClass().getName() + ", which cannot be sent to"
            + " a worker JVM as JSON: pass the types that travel (records, collections, strings,"
            + " numbers, enums; docs/types.md).");
      }
    }
    return encoded;
  }

  /**
   * The result of {@code method} as a JSON tree, as the container sends it back.
   *
   * @throws IllegalStateException when JSON cannot carry it
   */
  public static JsonNode encodeResult(ServiceDescriptor service, MethodDescriptor method, Object result) {
    try {
      return encodeValue(result);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The result of @Method " + method.signature() + " of service "
          + service.serviceName() + " (a " + result.getClass().getName() + ") cannot be sent back"
          + " to the caller as JSON. Return a value of the types that travel (records,"
          + " collections, strings, numbers, enums; docs/types.md).", e);
    }
  }

  /**
   * The arguments as the method's parameter types.
   *
   * @throws ArgumentMismatchException when a value cannot become its parameter's type
   */
  public static Object[] decode(ServiceDescriptor service, MethodDescriptor method, List<JsonNode> args) {
    Object[] decoded = new Object[args.size()];
    for (int i = 0; i < args.size(); i++) {
      if (i >= method.callParameters().size()) {
        // Too many arguments: the dispatcher's check reports the count.
        decoded[i] = FrameChannel.JSON.convertValue(args.get(i), Object.class);
        continue;
      }
      ParameterDescriptor parameter = method.callParameters().get(i);
      try {
        decoded[i] = FrameChannel.JSON.convertValue(
            args.get(i), javaType(parameter.genericType(), parameter.type(), loaderOf(service)));
      } catch (IllegalArgumentException e) {
        // Our words, not the JSON library's: the value as it arrived, and the type.
        throw new ArgumentMismatchException(
            "Argument " + (i + 1) + " (" + parameter.name() + ") of method " + method.signature()
                + " of service " + service.serviceName() + " is the JSON value "
                + abbreviated(args.get(i)) + ", which cannot be read as " + parameter.genericType()
                + ".");
      }
    }
    return decoded;
  }

  /**
   * A batch's inputs, {@code inputs} a JSON array of them, each as one caller's input of the
   * {@code @Batched} method.
   *
   * @throws ArgumentMismatchException when one cannot become the input's type
   */
  public static List<Object> decodeBatch(ServiceDescriptor service, MethodDescriptor method, JsonNode inputs) {
    List<Object> decoded = new ArrayList<>(inputs.size());
    for (JsonNode input : inputs) {
      decoded.add(decode(service, method, List.of(input))[0]);
    }
    return decoded;
  }

  private static String abbreviated(JsonNode value) {
    String text = String.valueOf(value);
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  /**
   * A result as the method's declared return type; {@code null} for {@code void}.
   *
   * @throws IllegalStateException when the value cannot be read as that type
   */
  public static Object decodeResult(ServiceDescriptor service, MethodDescriptor method, JsonNode value) {
    if (method.callReturnType() == void.class) {
      return null;
    }
    try {
      return FrameChannel.JSON.convertValue(value,
          javaType(method.genericCallReturnType(), method.callReturnType(), loaderOf(service)));
    } catch (IllegalArgumentException e) {
      // Our words, not the JSON library's: the value as it arrived, and the type.
      throw new IllegalStateException("The result of @Method " + method.signature() + " of service "
          + service.serviceName() + " arrived as the JSON value " + abbreviated(value) + ", which"
          + " cannot be read as " + method.genericCallReturnType() + ".", e);
    }
  }

  /**
   * One item of a streaming method's stream as a JSON tree, as the container sends it.
   *
   * @throws IllegalStateException when JSON cannot carry it
   */
  public static JsonNode encodeItem(ServiceDescriptor service, MethodDescriptor method, Object item) {
    try {
      return encodeValue(item);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("An item of the stream of @Method " + method.signature()
          + " of service " + service.serviceName() + " (a " + item.getClass().getName() + ")"
          + " cannot be sent to the caller as JSON. Stream values of the types that travel"
          + " (docs/types.md).", e);
    }
  }

  /**
   * One item of a streaming method's stream, as its declared item type.
   *
   * @throws IllegalStateException when the value cannot be read as that type
   */
  public static Object decodeItem(ServiceDescriptor service, MethodDescriptor method, JsonNode value) {
    try {
      return FrameChannel.JSON.convertValue(value,
          javaType(method.genericStreamItemType(), Object.class, loaderOf(service)));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("An item of the stream of @Method " + method.signature()
          + " of service " + service.serviceName() + " arrived as the JSON value "
          + abbreviated(value) + ", which cannot be read as " + method.genericStreamItemType()
          + ".", e);
    }
  }

  /**
   * Reads the declared types of every method of {@code service} and makes the readers of its
   * parameters and the writers of its results, as its calls will use them, and runs the
   * conversion every argument goes through once, on a string; for a worker before its checkpoint,
   * so that no restored clone pays for it on its first call.
   */
  public static void prepare(ServiceDescriptor service) {
    ClassLoader loader = loaderOf(service);
    FrameChannel.JSON.convertValue(TextNode.valueOf("warm-up"), String.class);
    for (MethodDescriptor method : service.methods()) {
      for (ParameterDescriptor parameter : method.callParameters()) {
        FrameChannel.JSON.readerFor(javaType(parameter.genericType(), parameter.type(), loader));
      }
      if (method.callReturnType() != void.class) {
        JavaType result = method.streams()
            ? javaType(method.genericStreamItemType(), Object.class, loader)
            : javaType(method.genericCallReturnType(), method.callReturnType(), loader);
        FrameChannel.JSON.writerFor(result);
      }
    }
  }

  private static JavaType javaType(String genericType, Class<?> erasure, ClassLoader loader) {
    return StrictJson.javaType(FrameChannel.JSON, genericType, erasure, loader);
  }

  private static ClassLoader loaderOf(ServiceDescriptor service) {
    ClassLoader loader = service.serviceClass().getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }
}
