package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method that returns a whole HTTP application: the container calls it once, after the enter
 * hooks, and serves every path that no {@link WebEndpoint} of the service takes with the {@code
 * com.sun.net.httpserver.HttpHandler} it returns.
 *
 * <p>The method takes no parameters, returns {@code HttpHandler} and is synchronous (it does not
 * return a {@code Future} or a {@code CompletionStage}). It must not be {@code private}, {@code
 * static}, {@code abstract} or generic, and cannot also be a lifecycle hook, a {@link Method} or
 * another web form ({@link WebEndpoint}, {@link WebServer}). A service has at most one web app,
 * its own or inherited, since each would serve every path. Web annotations are not allowed in a
 * {@link Server} class.
 *
 * <pre>{@code
 * @WebApp
 * HttpHandler app() { return exchange -> { ... }; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebApp {}
