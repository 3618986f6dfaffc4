package dev.lifecycle.processor.generation;

import static dev.lifecycle.processor.testing.Compilations.source;

import javax.tools.JavaFileObject;

/** The services whose generated dispatchers are kept as golden files. */
final class GoldenServices {

  private GoldenServices() {}

  static final JavaFileObject PLAIN =
      source(
          "com.example.Greeter",
          """
          package com.example;

          import dev.lifecycle.*;

          @Service
          public class Greeter {
            private String greeting;

            @Enter
            void setup() {
              greeting = "Hello";
            }

            @Method
            public String greet(String name) {
              return greeting + ", " + name;
            }

            @Method
            int add(int a, int b) {
              return a + b;
            }

            @Method
            void reset() {}

            @Exit
            void close() {}
          }
          """);

  static final JavaFileObject SNAPSHOT =
      source(
          "com.example.MLModel",
          """
          package com.example;

          import dev.lifecycle.*;
          import java.util.List;
          import java.util.Map;

          @Service(enableMemorySnapshot = true, maxConcurrentInputs = 4, inputTimeoutSeconds = 60)
          public class MLModel {
            @Enter
            void connect() {}

            @Enter(snap = true)
            void loadWeights() {}

            @Enter(snap = true)
            void warmUp() {}

            @Method
            public List<String> predict(String input, Map<String, Integer> options, double[] scores) {
              return List.of(input);
            }

            @Exit
            void disconnect() {}
          }
          """);

  static final JavaFileObject BASE =
      source(
          "com.example.base.Resource",
          """
          package com.example.base;

          import dev.lifecycle.*;

          public abstract class Resource<T> {
            @Enter
            public void open() {}

            @Method
            public T current() {
              return null;
            }

            @Exit
            public void release() {}

            @Exit
            public void flush() {}
          }
          """);

  static final JavaFileObject INHERITING =
      source(
          "com.example.Cache",
          """
          package com.example;

          import com.example.base.Resource;
          import dev.lifecycle.*;

          @Service
          public class Cache extends Resource<String> {
            @Enter
            void fill() {}

            @Override
            public void open() {}

            @Exit
            void evict() {}
          }
          """);

  static final JavaFileObject NESTED =
      source(
          "com.example.Outer",
          """
          package com.example;

          import dev.lifecycle.*;

          public class Outer {
            public static class Middle {
              @Service
              static class Inner {
                @Method
                long ping() {
                  return 1L;
                }
              }
            }
          }
          """);

  static final JavaFileObject WEB_BASE =
      source(
          "com.example.base.HealthChecked",
          """
          package com.example.base;

          import dev.lifecycle.*;

          public abstract class HealthChecked<S> {
            @WebEndpoint(method = "GET", path = "/health")
            public S health() {
              return null;
            }
          }
          """);

  static final JavaFileObject WEB =
      source(
          "com.example.Storefront",
          """
          package com.example;

          import com.example.base.HealthChecked;
          import com.sun.net.httpserver.HttpHandler;
          import dev.lifecycle.*;
          import java.util.List;

          @Service
          public class Storefront extends HealthChecked<String> {
            @Enter
            void open() {}

            @WebEndpoint(path = "/orders")
            public long order(String item, int quantity, List<Integer> coupons) {
              return 1L;
            }

            @WebEndpoint(method = "delete", path = "/orders")
            public void cancel(long id) {}

            @WebApp
            public HttpHandler app() {
              return exchange -> {};
            }

            @WebServer(port = 8001, startupTimeoutSeconds = 10)
            void metrics() {}

            @Method
            int stock(String item) {
              return 0;
            }
          }
          """);

  static final JavaFileObject SERVER =
      source(
          "com.example.Files",
          """
          package com.example;

          import dev.lifecycle.*;

          @Server(port = 8000, startupTimeoutSeconds = 20, exitGracePeriodSeconds = 5)
          public class Files {
            @Enter
            void start() {}

            @Exit
            void stop() {}
          }
          """);

  /** Declared exceptions: they reach a pool's caller as themselves. */
  static final JavaFileObject THROWING =
      source(
          "com.example.Quota",
          """
          package com.example;

          import dev.lifecycle.*;
          import java.io.IOException;

          @Service
          public class Quota {
            public static class QuotaExceededException extends Exception {
              public QuotaExceededException(String message) {
                super(message);
              }
            }

            @Method
            public int spend(int amount) throws QuotaExceededException, IOException {
              return amount;
            }

            @Method
            public int left() {
              return 1;
            }
          }
          """);

  /** A batched method beside a plain one. */
  static final JavaFileObject BATCHED =
      source(
          "com.example.Tagger",
          """
          package com.example;

          import dev.lifecycle.*;
          import java.util.List;

          @Service
          public class Tagger {
            public record Tag(String name, double score) {}

            @Method
            @Batched(maxBatchSize = 16, waitMillis = 5)
            public List<Tag> tag(List<String> texts) {
              return texts.stream().map(text -> new Tag(text, 1.0)).toList();
            }

            @Method
            public int count() {
              return 0;
            }
          }
          """);

  static final JavaFileObject PARAMETER_BASE =
      source(
          "com.example.base.Tuned",
          """
          package com.example.base;

          import dev.lifecycle.*;

          public abstract class Tuned {
            @Parameter public int threads = 2;
          }
          """);

  static final JavaFileObject PARAMETERS =
      source(
          "com.example.Translator",
          """
          package com.example;

          import dev.lifecycle.*;

          @Service(enableMemorySnapshot = true)
          public class Translator extends com.example.base.Tuned {
            public enum Size { SMALL, LARGE }

            @Parameter(required = true) Size size;
            @Parameter String language = "en";
            @Parameter boolean lowercase;
            @Parameter Long seed = 7L;
            @Parameter char separator = ',';
            @Parameter double temperature = 0.5;

            @Enter(snap = true)
            void load() {}

            @Method
            public String translate(String text) {
              return text;
            }
          }
          """);
}
