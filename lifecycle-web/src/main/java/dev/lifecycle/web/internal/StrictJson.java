package dev.lifecycle.web.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lifecycle.runtime.internal.RecentlyUsed;
import dev.lifecycle.runtime.spi.GenericTypes;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The one JSON configuration of Lifecycle's own mappers, the web frontend's and the pool's
 * protocol's: no default typing, unknown properties and trailing tokens refused, strings as long
 * as what carries them may be (Jackson's own limit, 20 million characters, is not ours), {@code
 * Optional}s as their value or {@code null}, {@code java.time} values as ISO-8601 strings
 * ({@code "2026-12-01"}, {@code "PT1.5S"}; zones and offsets kept), and decimals read as written, every digit and the
 * scale kept, so that a {@code BigDecimal} arrives as it was sent (a {@code double} read from one
 * is the same {@code double}).
 */
public final class StrictJson {

  private StrictJson() {}

  /** A mapper as described, thread-safe once built, for strings up to {@code maxStringLength}. */
  public static ObjectMapper mapper(int maxStringLength) {
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(maxStringLength).build()).build())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        // A ZonedDateTime keeps its zone, an OffsetDateTime its offset, instead of arriving in UTC.
        .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  /**
   * The JSON type of a declared type, generics included ({@code java.util.List<com.example.Shop.Item>}
   * as the descriptors spell it), its classes found with {@code loader}; the erasure alone when
   * the generic type cannot be read.
   */
  public static JavaType javaType(
      ObjectMapper mapper, String genericType, Class<?> erasure, ClassLoader loader) {
    TypeKey key = new TypeKey(mapper, genericType, erasure, loader);
    synchronized (TYPES) {
      JavaType known = TYPES.get(key);
      if (known != null) {
        return known; // every call of a method reads its types: once is enough
      }
    }
    // Through reflection's types, not the mapper's parser of type names: it would read a nested
    // class's name as no class, and an Optional<T> as a plain class whose T it then ignores.
    Type declared = GenericTypes.reflect(genericType, loader);
    JavaType type = mapper.getTypeFactory().constructType(declared == Object.class ? erasure : declared);
    synchronized (TYPES) {
      TYPES.put(key, type);
    }
    return type;
  }

  private record TypeKey(ObjectMapper mapper, String genericType, Class<?> erasure, ClassLoader loader) {}

  /** The types read lately, for the few mappers and the methods' declared types. */
  private static final Map<TypeKey, JavaType> TYPES = new RecentlyUsed<>(1024);
}
