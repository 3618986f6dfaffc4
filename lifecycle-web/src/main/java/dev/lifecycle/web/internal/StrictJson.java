package dev.lifecycle.web.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of Lifecycle's own mappers, the web frontend's and the pool's
 * protocol's: no default typing, unknown properties and trailing tokens refused, and strings as
 * long as what carries them may be (Jackson's own limit, 20 million characters, is not ours).
 */
public final class StrictJson {

  private StrictJson() {}

  /** A mapper as described, thread-safe once built, for strings up to {@code maxStringLength}. */
  public static ObjectMapper mapper(int maxStringLength) {
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(maxStringLength).build()).build())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }
}
