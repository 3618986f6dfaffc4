package dev.lifecycle.web;

/**
 * lifecycle-web: serves the {@code @WebEndpoint} and {@code @WebApp} methods of services over
 * HTTP, with JSON bodies (Jackson), in containers of this JVM and in the worker JVMs of a pool.
 *
 * <p>There is nothing to call: with this artifact on the class path, the runtime finds the web
 * frontend through {@link java.util.ServiceLoader} and {@code Container.webAddress()} says where
 * it listens. The annotation processor looks for this class to tell whether a service with web
 * methods was compiled with it (LC168 otherwise).
 */
public final class LifecycleWeb {

  /** The Maven coordinates to add, without the version. */
  public static final String ARTIFACT = "dev.lifecycle:lifecycle-web";

  private LifecycleWeb() {}
}
