package dev.lifecycle.processor.reading;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The annotation that makes a class a service: {@code @Service}, {@code @FunctionService} for a
 * class used as a function, or {@code @Server} for a class that runs its own HTTP server. All
 * three get a dispatcher; {@code @Service} and {@code @FunctionService} carry the same options.
 *
 * @param mirror the annotation as written on the class
 * @param kind which of the three it is
 */
public record ServiceAnnotation(AnnotationMirror mirror, Kind kind) {

  /** The three kinds of service class. */
  public enum Kind {
    SERVICE(LifecycleAnnotations.SERVICE, "@Service", "service"),
    FUNCTION_SERVICE(LifecycleAnnotations.FUNCTION_SERVICE, "@FunctionService", "service"),
    SERVER(LifecycleAnnotations.SERVER, "@Server", "server");

    private final String qualifiedName;
    private final String label;
    private final String noun;

    Kind(String qualifiedName, String label, String noun) {
      this.qualifiedName = qualifiedName;
      this.label = label;
      this.noun = noun;
    }
  }

  /**
   * The class's service annotation; when several are present (an error), {@code @Service} wins
   * over {@code @FunctionService}, which wins over {@code @Server}.
   */
  public static Optional<ServiceAnnotation> of(TypeElement type) {
    for (Kind kind : Kind.values()) {
      AnnotationMirror mirror = find(type, kind);
      if (mirror != null) {
        return Optional.of(new ServiceAnnotation(mirror, kind));
      }
    }
    return Optional.empty();
  }

  /** Whether the class carries both {@code @Service} and {@code @FunctionService}. */
  public static boolean hasBoth(TypeElement type) {
    return find(type, Kind.SERVICE) != null && find(type, Kind.FUNCTION_SERVICE) != null;
  }

  /** Whether the class carries {@code @Server}. */
  public static boolean hasServer(TypeElement type) {
    return find(type, Kind.SERVER) != null;
  }

  private static AnnotationMirror find(TypeElement type, Kind kind) {
    return LifecycleAnnotations.find(type.getAnnotationMirrors(), kind.qualifiedName);
  }

  public boolean isFunction() {
    return kind == Kind.FUNCTION_SERVICE;
  }

  public boolean isServer() {
    return kind == Kind.SERVER;
  }

  /** {@code @Service}, {@code @FunctionService} or {@code @Server}, for messages. */
  public String label() {
    return kind.label;
  }

  /** {@code service} or {@code server}, for messages. */
  public String noun() {
    return kind.noun;
  }

  /** Whether {@code enableMemorySnapshot = true} is written. */
  public boolean memorySnapshotEnabled() {
    return AnnotationValues.explicit(mirror, "enableMemorySnapshot")
        .map(value -> Boolean.TRUE.equals(value.getValue()))
        .orElse(false);
  }
}
