package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single HTTP endpoint of a service: the container answers requests for {@link #method()} and
 * {@link #path()} by calling this method, with the JSON request body mapped to its parameters and
 * its return value sent back as the JSON response body.
 *
 * <p>The path starts with {@code /}, and each method and path pair is served by one endpoint
 * within a service. The method must not be {@code private}, {@code static}, {@code abstract} or
 * generic, and cannot also be a lifecycle hook, a {@link Method} or another web form ({@link
 * WebApp}, {@link WebServer}). Web annotations are not allowed in a {@link Server} class.
 *
 * <pre>{@code
 * @WebEndpoint(path = "/predict")
 * public Prediction predict(String text) { return model.run(text); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebEndpoint {

  /**
   * The HTTP method the endpoint answers: {@code "GET"}, {@code "POST"}, {@code "PUT"}, {@code
   * "PATCH"} or {@code "DELETE"}, in any case ({@code "get"} is {@code GET}).
   */
  String method() default "POST";

  /** The path the endpoint answers, starting with {@code /}, such as {@code "/predict"}. */
  String path();
}
