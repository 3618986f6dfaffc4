package dev.lifecycle.junit;

import dev.lifecycle.runtime.boundary.CallEncoding;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Finds the encoding lifecycle-pool offers for {@link JsonCalls}, or says how to add it. */
final class PoolEncoding {

  private PoolEncoding() {}

  static CallEncoding find(Class<?> serviceClass, JsonCalls jsonCalls) {
    // The test's own class loader first (a build tool may load tests apart from the extension).
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return ServiceLoader.load(CallEncoding.class, context != null ? context : PoolEncoding.class.getClassLoader())
        .findFirst()
        .or(() -> ServiceLoader.load(CallEncoding.class, PoolEncoding.class.getClassLoader()).findFirst())
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "The test of " + serviceClass.getName() + " sends its calls through a pool's"
                        + " JSON encoding (jsonCalls = " + jsonCalls + ")"
                        + (jsonCalls == JsonCalls.WITH_SNAPSHOT ? ", as it simulates a snapshot" : "")
                        + ", but lifecycle-pool is not on the test class path. Add the dependency"
                        + " dev.lifecycle:lifecycle-pool with test scope, or set jsonCalls ="
                        + " JsonCalls.NEVER."));
  }
}
