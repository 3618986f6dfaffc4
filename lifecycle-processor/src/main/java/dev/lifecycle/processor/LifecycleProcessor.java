package dev.lifecycle.processor;

import dev.lifecycle.processor.diagnostics.DiagnosticPrinter;
import dev.lifecycle.processor.diagnostics.Message;
import dev.lifecycle.processor.diagnostics.Names;
import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.model.ServiceModel;
import dev.lifecycle.processor.modelling.ServiceModelFactory;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.JavacTrees;
import dev.lifecycle.processor.reading.LifecycleAnnotations;
import dev.lifecycle.processor.reading.ServiceReader;
import dev.lifecycle.processor.reading.SourceOracle;
import dev.lifecycle.processor.rules.LocalServiceScanner;
import dev.lifecycle.processor.rules.Rules;
import dev.lifecycle.processor.rules.ServiceValidator;
import dev.lifecycle.processor.rules.SourceMemberValidator;
import dev.lifecycle.processor.writing.ClientGenerator;
import dev.lifecycle.processor.writing.DispatcherGenerator;
import dev.lifecycle.processor.writing.SourceWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
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
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Validates {@code @Service}, {@code @FunctionService} and {@code @Server} classes and their hooks,
 * methods and web methods, and generates a dispatcher for each clean one.
 *
 * <p>Each round: every annotated method in source is validated where it is written; every
 * service, with what it inherits, is read, validated and, when clean, modelled and generated. A
 * service whose types are not resolved yet (a superclass another processor generates) is deferred
 * by name to the next round. The processor never claims its annotations, so other processors see
 * them too.
 */
public final class LifecycleProcessor extends AbstractProcessor {

  private SourceOracle sources;
  private DiagnosticPrinter printer;
  private ServiceReader reader;
  private ServiceValidator serviceValidator;
  private SourceMemberValidator memberValidator;
  private ServiceModelFactory modelFactory;
  private DispatcherGenerator generator;
  private ClientGenerator clients;
  private SourceWriter writer;
  private Optional<LocalServiceScanner> localServiceScanner;
  /** Services deferred by an earlier round, by qualified name (elements do not survive rounds). */
  private final Set<String> deferred = new LinkedHashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    Elements elements = environment.getElementUtils();
    sources = SourceOracle.of(environment);
    printer = new DiagnosticPrinter(environment.getMessager(), JavacTrees.of(environment));
    Rules rules = new Rules(elements, environment.getTypeUtils());
    reader = new ServiceReader(elements);
    serviceValidator = new ServiceValidator(rules, sources);
    memberValidator =
        new SourceMemberValidator(elements, environment.getTypeUtils(), rules, sources);
    localServiceScanner = LocalServiceScanner.of(environment, sources);
    modelFactory = new ServiceModelFactory(elements, environment.getTypeUtils());
    generator = new DispatcherGenerator();
    clients = new ClientGenerator();
    writer =
        new SourceWriter(
            environment.getFiler(),
            elements,
            environment.getSourceVersion(),
            LifecycleProcessor.class.getName());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new LinkedHashSet<>(LifecycleAnnotations.SERVICES);
    supported.addAll(LifecycleAnnotations.MEMBERS);
    supported.add(LifecycleAnnotations.PARAMETER);
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
      if (annotation.getQualifiedName().contentEquals(LifecycleAnnotations.PARAMETER)) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          if (element.getKind() == ElementKind.FIELD) {
            guarded(
                element, () -> printer.print(memberValidator.validate((VariableElement) element)));
          }
        }
      }
      if (LifecycleAnnotations.MEMBERS.contains(annotation.getQualifiedName().toString())) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          if (element.getKind() == ElementKind.METHOD) {
            guarded(
                element,
                () -> printer.print(memberValidator.validate((ExecutableElement) element)));
          }
        }
      }
    }
    localServiceScanner.ifPresent(
        scanner -> guarded(null, () -> printer.print(scanner.scan(round.getRootElements()))));
    for (TypeElement service : servicesOfThisRound(round)) {
      guarded(service, () -> processService(service));
    }
    return false;
  }

  /** This round's services, then those deferred by earlier rounds, each once, in a stable order. */
  private Set<TypeElement> servicesOfThisRound(RoundEnvironment round) {
    Set<TypeElement> services = new LinkedHashSet<>();
    for (String name : LifecycleAnnotations.SERVICES) {
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

  private void processService(TypeElement type) throws Exception {
    memberValidator.serviceSeen(type);
    Optional<AnnotatedService> service = reader.read(type);
    if (service.isEmpty()) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    ValidationReport report = serviceValidator.validate(service.get());
    printer.print(report);
    if (report.isClean()) {
      ServiceModel model = modelFactory.create(service.get());
      writer.write(model.dispatcherClass().packageName(), generator.generate(model), type);
      if (!model.methods().isEmpty()) {
        writer.write(model.dispatcherClass().packageName(), clients.generate(model), type);
      }
    }
  }

  /** A bug in the processor becomes a compile error with its stack trace, not a javac crash. */
  private void guarded(Element element, ThrowingRunnable action) {
    try {
      action.run();
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      // A stack overflow is the processor recursing without end on some type: a bug like others.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      ValidationReport.Builder report = ValidationReport.aboutCompilation(sources);
      String what = "this compilation";
      if (element != null) {
        report = report.about(element);
        what = Names.describe(element);
      }
      printer.printAll(report.report(Message.PROCESSOR_CRASH, what, trace).build());
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
