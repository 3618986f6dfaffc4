package dev.lifecycle.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with its stable code and its text.
 *
 * <p>Codes never change meaning and are listed, each with a wrong and a right example, in {@code
 * docs/diagnostics.md}. Texts name the element, say what is wrong and how to fix it.
 */
public enum Message {
  HOOK_TAKES_PARAMETERS(
      "LC101",
      "%s method %s takes parameters, but the container calls lifecycle hooks with no arguments."
          + " Remove the parameters and load the configuration inside the hook instead."),
  HOOK_IS_ASYNC(
      "LC102",
      "%s method %s returns %s: lifecycle hooks are synchronous, and the container would not"
          + " wait for the asynchronous work to finish. Wait for the work inside the hook (for"
          + " example with join() or get()) and declare the method void."),
  HOOK_RETURNS_VALUE(
      "LC103",
      "%s method %s returns %s, but lifecycle hooks must return void: the container would discard"
          + " the value. Declare it void, and keep what it builds in a field."),
  HOOK_COMBINED_WITH_METHOD(
      "LC104",
      "Method %s is annotated both %s and @Method. A lifecycle hook is called by the container, a"
          + " @Method by callers: split it into two methods (both may call one private helper)."),
  ENTER_COMBINED_WITH_EXIT(
      "LC105",
      "Method %s is annotated both @Enter and @Exit. Use one method for each phase (both may call"
          + " one private helper)."),
  SNAP_WITHOUT_MEMORY_SNAPSHOT(
      "LC106",
      "@Enter(snap = true) on %s needs a memory snapshot, but %s %s does not enable one. Set"
          + " %s(enableMemorySnapshot = true), or remove snap = true to run the hook on every"
          + " container start."),
  PRIVATE_MEMBER(
      "LC107",
      "%s method %s is private, so the generated dispatcher cannot call it. Make it"
          + " package-private, protected or public."),
  STATIC_MEMBER(
      "LC108",
      "%s method %s is static, but lifecycle hooks and methods run on the service instance of a"
          + " container. Remove static."),
  ABSTRACT_MEMBER(
      "LC109",
      "%s method %s is abstract and has no body to run. Give it a body, or annotate the method"
          + " that implements it instead."),
  GENERIC_MEMBER(
      "LC110",
      "%s method %s declares type parameters %s, which the dispatcher cannot supply when it calls"
          + " the method. Remove them and use concrete types."),
  INACCESSIBLE_MEMBER(
      "LC111",
      "%s method %s is not public and is declared in %s, another package than service %s, so"
          + " the generated dispatcher in the service's package cannot call it. Make it public."),
  MEMBER_OF_INTERFACE(
      "LC112",
      "%s method %s is declared in interface %s, but lifecycle annotations are read from classes"
          + " only. Move the method to the service class or to an abstract base class."),
  SERVICE_NOT_A_CLASS(
      "LC120",
      "%s %s is %s, but a service must be a class that a container can instantiate."
          + " Annotate a class instead."),
  SERVICE_ABSTRACT(
      "LC121",
      "%s class %s is abstract, so a container cannot create it. Remove abstract, or move"
          + " @Service to a concrete subclass."),
  SERVICE_INNER_CLASS(
      "LC122",
      "%s class %s is an inner class, but a container creates services without an"
          + " enclosing instance. Make it static."),
  SERVICE_LOCAL_CLASS(
      "LC123",
      "%s class %s is declared inside a method, where the generated dispatcher cannot reach"
          + " it. Move it out of the method and make it a top-level or static nested class."),
  SERVICE_PRIVATE(
      "LC124",
      "%s class %s is %s, so the generated dispatcher cannot create it. Make %s"
          + " package-private or public."),
  SERVICE_WITHOUT_NO_ARG_CONSTRUCTOR(
      "LC125",
      "%s class %s has no non-private constructor without parameters, which a container"
          + " needs to create it. Add one, and move setup that needs configuration into an @Enter"
          + " hook."),
  SERVICE_GENERIC(
      "LC126",
      "%s class %s declares type parameters %s, but a container creates it without type"
          + " arguments. Remove them, or annotate a subclass that fixes them."),
  OPTION_OUT_OF_RANGE(
      "LC127",
      "%s(%s = %d) on %s is out of range: it must be at least %d."),
  FUNCTION_WITHOUT_APPLY(
      "LC128",
      "@FunctionService class %s does not implement java.util.function.Function, whose apply"
          + " method is the entry point the container calls for each input. Implement"
          + " Function<I, O>, or use @Service with @Method entry points."),
  METHOD_IN_FUNCTION_SERVICE(
      "LC129",
      "Method %s is annotated @Method, but @FunctionService class %s has one entry point, its"
          + " apply method. Remove @Method, or make the class a @Service."),
  BOTH_SERVICE_ANNOTATIONS(
      "LC131",
      "Class %s is annotated both @Service and @FunctionService. Keep one: @FunctionService for a"
          + " class used as a function, @Service for a class with @Method entry points."),
  DUPLICATE_METHOD_NAME(
      "LC130",
      "@Method name '%s' is used twice in service %s: %s and %s. Callers invoke methods by name,"
          + " so each @Method needs a name of its own: rename one of them."),
  CLIENT_NAME_CLASH(
      "LC132",
      "@Method %s of service %s cannot be a method of the service's generated client, which %s."
          + " Rename the method."),
  HOOK_NEVER_RUNS(
      Diagnostic.Kind.WARNING,
      "LC140",
      "%s method %s never runs: class %s is not a @Service and no @Service in this compilation"
          + " extends it. Annotate the class with @Service, or make it abstract if it is a base"
          + " class for services."),
  SERVER_WITHOUT_ENTER(
      "LC150",
      "@Server class %s has no @Enter method, but the enter hook is what starts the server on"
          + " port %d. Add an @Enter method that starts it (and an @Exit method that stops it)."),
  METHOD_IN_SERVER(
      "LC151",
      "Method %s is annotated @Method, but @Server class %s only serves HTTP on its port. Remove"
          + " @Method, or move the method to a @Service."),
  SERVER_CONSTRUCTOR_WITH_PARAMETERS(
      "LC152",
      "@Server class %s declares constructor %s with parameters, but a container creates servers"
          + " with the no-argument constructor. Remove the parameters, and read the configuration"
          + " in the @Enter hook instead."),
  SERVER_COMBINED_WITH_SERVICE(
      "LC153",
      "Class %s is annotated both @Server and %s. Keep one: @Server for a class that runs its own"
          + " HTTP server in its @Enter hook, %s for a class called through the container."),
  PORT_OUT_OF_RANGE(
      "LC154",
      "%s(port = %d) on %s is out of range: a TCP port must be between 1 and 65535. Choose a port"
          + " in that range, such as 8000."),
  HOOK_COMBINED_WITH_WEB(
      "LC155",
      "Method %s is annotated both %s and %s. A lifecycle hook is called by the container, a web"
          + " method serves HTTP: split it into two methods (both may call one private helper)."),
  METHOD_COMBINED_WITH_WEB(
      "LC156",
      "Method %s is annotated both @Method and %s. A @Method is called by name through the"
          + " container, a web method serves HTTP: split it into two methods (both may call one"
          + " private helper)."),
  WEB_COMBINED_WITH_WEB(
      "LC157",
      "Method %s is annotated both %s and %s, but a method serves HTTP in one way only. Keep one"
          + " of them, or split it into one method each."),
  WEB_IN_SERVER(
      "LC158",
      "Method %s is annotated %s, but @Server class %s runs its own HTTP server from its @Enter"
          + " hook, so the container serves no web methods of it. Remove %s, or move the method to"
          + " a @Service."),
  WEB_TAKES_PARAMETERS(
      "LC159",
      "%s method %s takes parameters, but the container calls it once with no arguments. Remove"
          + " the parameters and read the configuration inside the method instead."),
  WEB_IS_ASYNC(
      "LC160",
      "%s method %s returns %s: the container calls it synchronously and would not wait for the"
          + " asynchronous work to finish. Wait for the work inside the method (for example with"
          + " join() or get()) and return its result."),
  WEB_APP_RETURN_TYPE(
      "LC161",
      "@WebApp method %s returns %s, but the container serves every path with the"
          + " com.sun.net.httpserver.HttpHandler it returns. Declare it to return HttpHandler."),
  WEB_PATH_NOT_ABSOLUTE(
      "LC162",
      "@WebEndpoint path \"%s\" on %s does not start with \"/\". Write the path from the root:"
          + " \"/%s\"."),
  DUPLICATE_WEB_ENDPOINT(
      "LC163",
      "@WebEndpoint %s %s is declared twice in %s: by %s and %s. Each method and path pair is"
          + " served by one endpoint: change the path or the HTTP method of one of them."),
  UNKNOWN_HTTP_METHOD(
      "LC164",
      "@WebEndpoint(method = \"%s\") on %s is not an HTTP method an endpoint can answer. Use one"
          + " of %s (in any case)."),
  WEB_PATH_UNREACHABLE(
      "LC165",
      "@WebEndpoint path \"%s\" on %s contains %s, but requests are matched on their path alone,"
          + " without query or fragment, so no request could ever reach it. Write the path only,"
          + " such as \"%s\"; a GET endpoint reads its parameters from the query string."),
  DUPLICATE_WEB_APP(
      "LC166",
      "@WebApp is declared twice in %s: by %s and %s, but the container serves every path with the"
          + " HttpHandler of one @WebApp. Keep one, and let its handler serve the paths of both."),
  DUPLICATE_WEB_SERVER_PORT(
      "LC167",
      "@WebServer(port = %d) is declared twice in %s: by %s and %s, but only one server can listen"
          + " on a port. Give one of them another port."),
  WEB_WITHOUT_LIFECYCLE_WEB(
      "LC168",
      "Service %s has %s method %s, but lifecycle-web is not on the class path of this"
          + " compilation, so nothing would serve it over HTTP. Add the dependency"
          + " dev.lifecycle:lifecycle-web (the same version as lifecycle-runtime)."),
  PARAMETER_CANNOT_TRAVEL(
      "LC170",
      "Parameter %s of %s method %s%s cannot travel between a caller and a container as JSON: %s."
          + " %s."),
  RESULT_CANNOT_TRAVEL(
      "LC171",
      "%s method %s%s returns %s, which cannot travel between a container and its caller as JSON:"
          + " %s. %s."),
  BATCHED_WITHOUT_METHOD(
      "LC175",
      "@Batched on %s needs @Method: only the inputs of a @Method's callers can be grouped. Add"
          + " @Method, or remove @Batched."),
  BATCHED_COMBINED(
      "LC176",
      "@Batched method %s is also %s, but the container calls a hook or serves a web request one"
          + " at a time, not in batches of callers' inputs. Keep it a @Method only, or remove"
          + " @Batched."),
  BATCHED_PARAMETERS(
      "LC177",
      "@Batched method %s takes %s, but a batched method takes one List<T> of its callers'"
          + " inputs. Declare one parameter List<T>, where T is what one caller passes."),
  BATCHED_RESULT(
      "LC178",
      "@Batched method %s returns %s, but a batched method returns one result per input, in"
          + " order, as a List<R>. Declare the return type List<R>, where R is what one caller"
          + " gets."),
  BATCH_OPTION_OUT_OF_RANGE(
      "LC179",
      "@Batched(%s = %d) on %s is out of range: it must be between %d and %d."),
  PARAMETER_TYPE(
      "LC180",
      "@Parameter field %s is of type %s, but a parameter is given as text, which the container"
          + " converts to a String, a primitive, a primitive's box or an enum only. Declare the"
          + " field as one of these, and build richer values from it in an @Enter hook."),
  PARAMETER_FINAL(
      "LC181",
      "@Parameter field %s is final, so the container cannot set it after the constructor."
          + " Remove final; give its default as the field's initial value."),
  PARAMETER_STATIC(
      "LC182",
      "@Parameter field %s is static, but each container sets its parameters on its own service"
          + " instance. Remove static."),
  PARAMETER_PRIVATE(
      "LC183",
      "@Parameter field %s is private, so the generated dispatcher cannot set it. Make it"
          + " package-private, protected or public."),
  PARAMETER_INACCESSIBLE(
      "LC184",
      "@Parameter field %s is not public and is declared in %s, another package than service %s,"
          + " so the generated dispatcher in the service's package cannot set it. Make it public."),
  DUPLICATE_PARAMETER_NAME(
      "LC185",
      "Parameter name '%s' is used twice in service %s: by %s and %s. A parameter is set by its"
          + " name, which is its field's name, so each needs a name of its own: rename one of the"
          + " fields."),
  PARAMETER_NEVER_SET(
      Diagnostic.Kind.WARNING,
      "LC186",
      "@Parameter field %s is never set: class %s is not a service and no service in this"
          + " compilation extends it. Annotate the class with @Service, or make it abstract if it"
          + " is a base class for services."),
  PARAMETER_ENUM_INACCESSIBLE(
      "LC187",
      "@Parameter field %s is of enum type %s, which the generated dispatcher of service %s, in"
          + " package %s, cannot name: the enum is %s. Make the enum public, or package-private in"
          + " the service's package."),
  PROCESSOR_CRASH(
      "LC900",
      "The Lifecycle annotation processor failed on %s. This is a bug in Lifecycle, not in your"
          + " code; please report it with this stack trace:%n%s");

  private final Diagnostic.Kind kind;
  private final String code;
  private final String format;

  Message(String code, String format) {
    this(Diagnostic.Kind.ERROR, code, format);
  }

  Message(Diagnostic.Kind kind, String code, String format) {
    this.kind = kind;
    this.code = code;
    this.format = format;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  /** The text with its arguments, prefixed by the code: {@code [LC101] @Enter method ...}. */
  public String format(Object... args) {
    return "[" + code + "] " + String.format(format, args);
  }
}
