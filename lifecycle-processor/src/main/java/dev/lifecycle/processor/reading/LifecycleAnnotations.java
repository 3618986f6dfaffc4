package dev.lifecycle.processor.reading;

import dev.lifecycle.Batched;
import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.FunctionService;
import dev.lifecycle.Method;
import dev.lifecycle.Parameter;
import dev.lifecycle.Server;
import dev.lifecycle.Service;
import dev.lifecycle.WebApp;
import dev.lifecycle.WebEndpoint;
import dev.lifecycle.WebServer;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The Lifecycle annotations by qualified name, taken from the annotation classes, and how to find
 * one among the annotations of an element. Only names are used: the compilation may see another
 * version of an annotation than the processor was built with.
 */
public final class LifecycleAnnotations {

  public static final String SERVICE = Service.class.getCanonicalName();
  public static final String FUNCTION_SERVICE = FunctionService.class.getCanonicalName();
  public static final String SERVER = Server.class.getCanonicalName();
  public static final String ENTER = Enter.class.getCanonicalName();
  public static final String EXIT = Exit.class.getCanonicalName();
  public static final String METHOD = Method.class.getCanonicalName();
  public static final String WEB_ENDPOINT = WebEndpoint.class.getCanonicalName();
  public static final String WEB_APP = WebApp.class.getCanonicalName();
  public static final String WEB_SERVER = WebServer.class.getCanonicalName();
  public static final String BATCHED = Batched.class.getCanonicalName();
  public static final String PARAMETER = Parameter.class.getCanonicalName();

  /** Every annotation that makes a class a service, in precedence order. */
  public static final List<String> SERVICES = List.of(SERVICE, FUNCTION_SERVICE, SERVER);
  /** The web annotations, in the order members list them. */
  public static final List<String> WEB = List.of(WEB_ENDPOINT, WEB_APP, WEB_SERVER);
  /** Every annotation that makes a method a lifecycle member. */
  public static final List<String> MEMBERS =
      List.of(ENTER, EXIT, METHOD, WEB_ENDPOINT, WEB_APP, WEB_SERVER, BATCHED);

  private LifecycleAnnotations() {}

  /** The annotation {@code qualifiedName} among {@code annotations}, or null. */
  public static AnnotationMirror find(
      Iterable<? extends AnnotationMirror> annotations, String qualifiedName) {
    for (AnnotationMirror annotation : annotations) {
      TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return annotation;
      }
    }
    return null;
  }
}
