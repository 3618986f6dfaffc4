package dev.lifecycle.processor.rules;

import dev.lifecycle.processor.diagnostics.ValidationReport;
import dev.lifecycle.processor.reading.ParameterField;
import java.util.List;
import java.util.Optional;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Every rule, in the order its findings are reported. A new rule is a class and a line here.
 *
 * <p>Each family is independent of the others: where one rule leaves a fault to another, it says
 * so from what the sources say (say, a hook that is also a web method), not from what was reported.
 */
public final class Rules {

  /** On every type that carries a service annotation; a type that is not a class stops here. */
  final List<ServiceRule> declarationRules;
  /** On a service class with everything it inherits. */
  final List<ServiceRule> serviceRules;
  /** On a method declared in a class. */
  private final List<MemberRule> classMemberRules;
  /** On a method declared in an interface, where lifecycle annotations are not read. */
  private final List<MemberRule> interfaceMemberRules;
  /** On a {@code @Parameter} field, and on a service's parameters as a whole. */
  private final ParameterRules parameterRules;

  public Rules(Elements elements, Types types) {
    AsyncTypes asyncTypes = new AsyncTypes(elements, types);
    TravellingTypeRules travellingTypes =
        new TravellingTypeRules(types, new TravellingTypes(elements, types));
    declarationRules = List.of(new ServiceDeclarationRules());
    classMemberRules =
        List.of(
            new CombinationRules(),
            new HookSignatureRules(asyncTypes),
            new WebEndpointRules(),
            new WebServerRules(),
            new WebSignatureRules(elements, types, asyncTypes),
            new CallableRules(),
            new BatchedRules(),
            travellingTypes,
            new InheritedAccessRules(elements),
            new SnapshotRules());
    interfaceMemberRules = List.of(new InterfaceMemberRules());
    parameterRules = new ParameterRules(elements);
    serviceRules =
        List.of(
            new ServerConstructorRules(),
            new ServiceClassRules(),
            new OptionRules(elements),
            new ServiceMemberRules(this::checkMember),
            parameterRules,
            new ServerRules(elements),
            new FunctionServiceRules(),
            travellingTypes,
            new MethodNameRules(),
            new ClientNameRules(),
            new WebRouteRules(elements),
            new WebArtifactRule(elements));
  }

  /** Checks a {@code @Parameter} field where it is written, before any service uses it. */
  void checkParameter(ParameterField parameter, ValidationReport.Builder report) {
    parameterRules.check(parameter, Optional.empty(), report);
  }

  /** Checks {@code member} by the rules of the kind of type that declares it. */
  void checkMember(MemberUnderValidation member, ValidationReport.Builder report) {
    List<MemberRule> rules =
        member.member().isDeclaredInInterface() ? interfaceMemberRules : classMemberRules;
    for (MemberRule rule : rules) {
      rule.check(member, report);
    }
  }
}
