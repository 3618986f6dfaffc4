package dev.lifecycle.processor;

import dev.lifecycle.processor.model.ServiceModel;
import dev.lifecycle.processor.validation.DiagnosticPrinter;
import dev.lifecycle.processor.validation.LifecycleMember;
import dev.lifecycle.processor.validation.LocalServiceScanner;
import dev.lifecycle.processor.validation.Message;
import dev.lifecycle.processor.validation.Names;
import dev.lifecycle.processor.validation.ServiceAnnotation;
import dev.lifecycle.processor.validation.ServiceValidator;
import dev.lifecycle.processor.validation.SourceMemberValidator;
import dev.lifecycle.processor.validation.SourceOracle;
import dev.lifecycle.processor.validation.ValidationReport;
import dev.lifecycle.processor.writing.DispatcherGenerator;
import dev.lifecycle.processor.writing.SourceWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Validates {@code @Service}, {@code @FunctionService} and {@code @Server} classes and their hooks,
 * methods and web methods, and generates a dispatcher for each clean one.
 *
 * <p>Each round: every annotated method in source is validated where it is written; every
 * service, with what it inherits, is validated and, when clean, generated. A service whose types
 * are not resolved yet (a superclass another processor generates) is deferred by name to the next
 * round. The processor never claims its annotations, so other processors see them too.
 */
public final class LifecycleProcessor extends AbstractProcessor {

  private static final List<String> SERVICE_ANNOTATIONS = ServiceAnnotation.ALL;
  private static final Set<String> MEMBER_ANNOTATIONS =
      Set.of(
          "dev.lifecycle.Enter",
          "dev.lifecycle.Exit",
          "dev.lifecycle.Method",
          LifecycleMember.WEB_ENDPOINT,
          LifecycleMember.WEB_APP,
          LifecycleMember.WEB_SERVER);

  private DiagnosticPrinter printer;
  private ServiceValidator serviceValidator;
  private SourceMemberValidator memberValidator;
  private DispatcherGenerator generator;
  private SourceWriter writer;
  private Optional<LocalServiceScanner> localServiceScanner;
  /** Services deferred by an earlier round, by qualified name (elements do not survive rounds). */
  private final Set<String> deferred = new LinkedHashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    printer = new DiagnosticPrinter(environment.getMessager());
    serviceValidator =
        new ServiceValidator(
            environment.getElementUtils(),
            environment.getTypeUtils(),
            SourceOracle.of(environment));
    memberValidator =
        new SourceMemberValidator(environment.getElementUtils(), environment.getTypeUtils());
    localServiceScanner = LocalServiceScanner.of(environment);
    generator = new DispatcherGenerator();
    writer =
        new SourceWriter(
            environment.getFiler(),
            environment.getElementUtils(),
            environment.getSourceVersion(),
            LifecycleProcessor.class.getName());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new LinkedHashSet<>(SERVICE_ANNOTATIONS);
    supported.addAll(MEMBER_ANNOTATIONS);
    return supported;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      guarded(null, () -> printer.print(memberValidator.finish()));
      return false;
    }
    for (TypeElement annotation : annotations) {
      if (MEMBER_ANNOTATIONS.contains(annotation.getQualifiedName().toString())) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          if (element.getKind() == ElementKind.METHOD) {
            guarded(element, () -> printer.print(memberValidator.validate((ExecutableElement) element)));
          }
        }
      }
    }
    localServiceScanner.ifPresent(
        scanner -> guarded(null, () -> scanner.scan(round.getRootElements())));
    for (TypeElement service : servicesOfThisRound(round)) {
      guarded(service, () -> processService(service));
    }
    return false;
  }

  /** This round's services, then those deferred by earlier rounds, each once, in a stable order. */
  private Set<TypeElement> servicesOfThisRound(RoundEnvironment round) {
    Set<TypeElement> services = new LinkedHashSet<>();
    for (String name : SERVICE_ANNOTATIONS) {
      TypeElement serviceAnnotation = processingEnv.getElementUtils().getTypeElement(name);
      if (serviceAnnotation != null) {
        for (Element element : round.getElementsAnnotatedWith(serviceAnnotation)) {
          services.add((TypeElement) element);
        }
      }
    }
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        services.add(type);
      }
    }
    deferred.clear();
    return services;
  }

  private void processService(TypeElement service) throws Exception {
    memberValidator.serviceSeen(service);
    ServiceValidator.Outcome outcome = serviceValidator.validate(service);
    if (outcome instanceof ServiceValidator.Deferred) {
      deferred.add(service.getQualifiedName().toString());
      return;
    }
    ServiceValidator.Validated validated = (ServiceValidator.Validated) outcome;
    printer.print(validated.report());
    if (validated.model().isPresent()) {
      ServiceModel model = validated.model().get();
      writer.write(model.dispatcherClass().packageName(), generator.generate(model), service);
    }
  }

  /** A bug in the processor becomes a compile error with its stack trace, not a javac crash. */
  private void guarded(Element element, ThrowingRunnable action) {
    try {
      action.run();
    } catch (Exception | LinkageError | AssertionError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      String what = element == null ? "this compilation" : Names.describe(element);
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Message.PROCESSOR_CRASH.format(what, trace), element);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
