package dev.lifecycle.web.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.lifecycle.runtime.spi.ParameterDescriptor;
import java.io.IOException;
import java.io.InputStream;

/**
 * How web requests become arguments: stricter than {@link #JSON}, which writes results,
 * because a client, not our own encoder, chose the values.
 *
 * <p>Jackson by default coerces between JSON types ({@code 1.9} to the {@code int} 1, {@code 5}
 * to the {@code String} "5", {@code "12"} to 12, {@code ""} to 0, {@code false} or {@code null}),
 * which turns a client's mistake into a silently wrong call. {@link #fromBody} refuses every such
 * coercion, so that the mistake is a 400 naming the parameter and its type. {@link #fromText}
 * converts the text of a query parameter, where every value is a string: {@code "12"} becomes 12
 * there, but an empty value is refused by the caller for anything but text.
 *
 * <p>Both copy {@link #JSON} (unknown properties of records rejected, no default
 * typing) and convert to the declared type, generics included, so the client never chooses which
 * class is instantiated.
 */
final class WebJson {

  /** Results and error bodies; thread-safe once configured; no default typing. */
  static final ObjectMapper JSON = StrictJson.mapper(WebResponses.MAX_BODY_BYTES);

  /** JSON bodies: each value must already have its parameter's JSON type. */
  private static final ObjectMapper BODY = strict(JSON.copy());

  /** Query strings: text to scalars is the point; the rest is as strict as bodies. */
  private static final ObjectMapper TEXT = refuseEnumIndexes(refuseEmptyStrings(JSON.copy()));

  private WebJson() {}

  /**
   * A request body as a tree; a field given twice is an error rather than the last one winning.
   *
   * @throws IOException when it is not valid JSON ({@link JsonProcessingException} with the
   *     location)
   */
  static JsonNode readBody(InputStream body) throws IOException {
    return BODY.readTree(body);
  }

  /**
   * A JSON body's field as {@code parameter}'s type, its classes found with {@code loader}.
   *
   * @throws IllegalArgumentException when it is not one, Jackson's exception as the cause
   */
  static Object fromBody(JsonNode value, ParameterDescriptor parameter, ClassLoader loader) {
    return BODY.convertValue(value, type(BODY, parameter, loader));
  }

  /**
   * Query values (a text, or an array of texts for collections) as {@code parameter}'s type.
   *
   * @throws IllegalArgumentException when they cannot be read as one
   */
  static Object fromText(JsonNode value, ParameterDescriptor parameter, ClassLoader loader) {
    return TEXT.convertValue(value, type(TEXT, parameter, loader));
  }

  /**
   * Whether an empty text is a value of {@code parameter} (or of its elements): only for {@code
   * String} and the types it is assigned to; {@code ?n=} is no number, {@code ?flag} no boolean.
   */
  static boolean takesEmptyText(ParameterDescriptor parameter, ClassLoader loader) {
    JavaType type = type(TEXT, parameter, loader);
    JavaType value = type.isContainerType() && type.getContentType() != null
        ? type.getContentType()
        : type;
    return value.getRawClass().isAssignableFrom(String.class);
  }

  private static JavaType type(ObjectMapper mapper, ParameterDescriptor parameter, ClassLoader loader) {
    return StrictJson.javaType(mapper, parameter.genericType(), parameter.type(), loader);
  }

  private static ObjectMapper strict(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // {"x": 1} for a record of x and y is not a y of 0, nor {"y": null} for an int y.
    mapper.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // Strings to numbers or booleans, numbers to booleans, and the like.
    mapper.setConfig(mapper.getDeserializationConfig()
        .without(MapperFeature.ALLOW_COERCION_OF_SCALARS));
    // Numbers and booleans to String: not covered by the feature above.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return refuseEnumIndexes(refuseEmptyStrings(mapper));
  }

  /** {@code ""} is no number, boolean, enum, record or map (a {@code String} takes it as is). */
  private static ObjectMapper refuseEmptyStrings(ObjectMapper mapper) {
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }

  /** An enum is named, never numbered: {@code 0} (or {@code "0"}) is not its first constant. */
  private static ObjectMapper refuseEnumIndexes(ObjectMapper mapper) {
    return mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
  }
}
