package dev.lifecycle.processor.modelling;

import com.palantir.javapoet.ClassName;
import dev.lifecycle.processor.model.OptionsModel;
import dev.lifecycle.processor.model.ServerModel;
import dev.lifecycle.processor.model.ServiceModel;
import dev.lifecycle.processor.reading.AnnotatedService;
import dev.lifecycle.processor.reading.AnnotationValues;
import dev.lifecycle.processor.reading.LifecycleMember;
import dev.lifecycle.processor.reading.ServiceAnnotation;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Turns a validated service and its members into the immutable model the generator reads. */
public final class ServiceModelFactory {

  /** What a {@code @Server}'s dispatcher declares for the options servers do not have. */
  private static final int SERVER_MAX_CONCURRENT_INPUTS = 1;
  private static final int SERVER_INPUT_TIMEOUT_SECONDS = 300;
  private static final int SERVER_EXIT_GRACE_PERIOD_SECONDS = 30;

  private final Elements elements;
  private final MemberModels members;
  private final ParameterModels parameters;

  public ServiceModelFactory(Elements elements, Types types) {
    this.elements = elements;
    this.members = new MemberModels(elements, types);
    this.parameters = new ParameterModels(types);
  }

  /** The model of {@code service}, whose report was clean. */
  public ServiceModel create(AnnotatedService service) {
    ClassName serviceClass = ClassName.get(service.type());
    ServiceAnnotation annotation = service.annotation();
    Map<String, Object> values = AnnotationValues.withDefaults(elements, annotation.mirror());
    return new ServiceModel(
        serviceClass,
        dispatcherName(serviceClass),
        annotation.memorySnapshotEnabled(),
        options(annotation, values),
        HooksInRunOrder.of(service.members()),
        service.entryPoints().stream()
            .map(method -> members.method(service.type(), method))
            .toList(),
        annotation.isServer() ? Optional.of(server(values)) : Optional.empty(),
        service.members().stream()
            .filter(LifecycleMember::isWeb)
            .map(member -> members.webMethod(service.type(), member))
            .toList(),
        service.parameters().stream().map(parameters::of).toList());
  }

  /** {@code com.example.Outer_Inner_Lifecycle} for {@code com.example.Outer.Inner}. */
  private static ClassName dispatcherName(ClassName service) {
    return ClassName.get(
        service.packageName(), String.join("_", service.simpleNames()) + ServiceDispatcher.NAME_SUFFIX);
  }

  /**
   * The runtime options, defaults filled in; a {@code @Server} has only the exit grace period of
   * them. Their ranges are checked by the option rules.
   */
  private static OptionsModel options(ServiceAnnotation annotation, Map<String, Object> values) {
    if (annotation.isServer()) {
      return new OptionsModel(
          SERVER_MAX_CONCURRENT_INPUTS,
          SERVER_INPUT_TIMEOUT_SECONDS,
          values.get("exitGracePeriodSeconds") instanceof Integer seconds
              ? seconds
              : SERVER_EXIT_GRACE_PERIOD_SECONDS);
    }
    return new OptionsModel(
        written(values, "maxConcurrentInputs"),
        written(values, "inputTimeoutSeconds"),
        written(values, "exitGracePeriodSeconds"));
  }

  /**
   * The option's value; null, which fails the build with LC900, where the annotation the
   * compilation sees has no such option (another version of lifecycle-annotations).
   */
  private static Integer written(Map<String, Object> values, String option) {
    return values.get(option) instanceof Integer number ? number : null;
  }

  private static ServerModel server(Map<String, Object> values) {
    return new ServerModel(
        MemberModels.intValue(values, "port"),
        MemberModels.intValue(values, "startupTimeoutSeconds"));
  }
}
