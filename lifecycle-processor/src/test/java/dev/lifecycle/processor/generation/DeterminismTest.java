package dev.lifecycle.processor.generation;

import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.generatedSource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same sources give byte-identical generated files, whatever the order javac reads them. */
class DeterminismTest {

  private static final String DISPATCHER = "com.example.Cache_Lifecycle";

  @Test
  void sameSourcesGiveIdenticalDispatchers() {
    String first = generatedSource(compile(GoldenServices.BASE, GoldenServices.INHERITING), DISPATCHER);
    String second = generatedSource(compile(GoldenServices.BASE, GoldenServices.INHERITING), DISPATCHER);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void sourceOrderDoesNotChangeTheDispatcher() {
    String forward = generatedSource(compile(GoldenServices.BASE, GoldenServices.INHERITING), DISPATCHER);
    String reversed = generatedSource(compile(GoldenServices.INHERITING, GoldenServices.BASE), DISPATCHER);

    assertThat(reversed).isEqualTo(forward);
  }

  @Test
  void sourceOrderDoesNotChangeWebMethods() {
    // Web methods are indexed by position, so their order is part of the dispatcher's contract.
    String web = "com.example.Storefront_Lifecycle";
    String forward = generatedSource(compile(GoldenServices.WEB_BASE, GoldenServices.WEB), web);
    String again = generatedSource(compile(GoldenServices.WEB_BASE, GoldenServices.WEB), web);
    String reversed = generatedSource(compile(GoldenServices.WEB, GoldenServices.WEB_BASE), web);

    assertThat(again).isEqualTo(forward);
    assertThat(reversed).isEqualTo(forward);
  }

  @Test
  void generatedFileCarriesNoTimestamp() {
    String generated = generatedSource(compile(GoldenServices.SNAPSHOT), "com.example.MLModel_Lifecycle");

    assertThat(generated)
        .contains("@Generated(\"dev.lifecycle.processor.LifecycleProcessor\")")
        .doesNotContain("date =")
        .doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\d");
  }
}
