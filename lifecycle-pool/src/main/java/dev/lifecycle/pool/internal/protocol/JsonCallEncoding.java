package dev.lifecycle.pool.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.runtime.boundary.CallEncoding;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pool's encoding of calls, in one JVM: each argument is written as the supervisor writes it,
 * sent through JSON text as the protocol sends it, and read as the worker reads it; the result
 * goes back the same way. Registered for {@link java.util.ServiceLoader}, so that {@code
 * lifecycle-junit} can put a test's container behind it.
 */
public final class JsonCallEncoding implements CallEncoding {

  @Override
  public Object[] arguments(ServiceDescriptor service, MethodDescriptor method, Object[] args) {
    List<JsonNode> sent =
        ArgumentCodec.encodeArguments(service.serviceName(), method.name(), args).stream()
            .map(JsonCallEncoding::throughText)
            .toList();
    return ArgumentCodec.decode(service, method, sent);
  }

  @Override
  public Object result(ServiceDescriptor service, MethodDescriptor method, Object result) {
    if (method.returnType() == void.class) {
      return null; // nothing is sent back
    }
    if (method.streams()) {
      return ((Stream<?>) result).map(item ->
          ArgumentCodec.decodeItem(service, method, throughText(ArgumentCodec.encodeResult(service, method, item))));
    }
    JsonNode sent = throughText(ArgumentCodec.encodeResult(service, method, result));
    return ArgumentCodec.decodeResult(service, method, sent);
  }

  /** As a frame carries a tree: written as text and read back (decimals, say, as read). */
  private static JsonNode throughText(JsonNode tree) {
    try {
      return FrameChannel.JSON.readTree(FrameChannel.JSON.writeValueAsBytes(tree));
    } catch (IOException e) {
      // A tree Jackson built is always text it can read back; nothing here does I/O.
      throw new UncheckedIOException("A JSON tree could not be read back", e);
    }
  }
}
