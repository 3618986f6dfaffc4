package dev.lifecycle.processor.generation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lifecycle.processor.testing.Compilations.compile;
import static dev.lifecycle.processor.testing.Compilations.generatedSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated dispatchers compared with golden files in {@code src/test/resources/golden}.
 *
 * <p>After an intended change to the generator, regenerate them with {@code mvn test
 * -Dlifecycle.golden.update=true -pl lifecycle-processor} and review the diff.
 */
class GoldenFileTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("plain", "com.example.Greeter_Lifecycle", new JavaFileObject[] {GoldenServices.PLAIN}),
        Arguments.of("snapshot", "com.example.MLModel_Lifecycle", new JavaFileObject[] {GoldenServices.SNAPSHOT}),
        Arguments.of(
            "inheritance",
            "com.example.Cache_Lifecycle",
            new JavaFileObject[] {GoldenServices.BASE, GoldenServices.INHERITING}),
        Arguments.of("nested", "com.example.Outer_Middle_Inner_Lifecycle", new JavaFileObject[] {GoldenServices.NESTED}),
        Arguments.of(
            "web methods",
            "com.example.Storefront_Lifecycle",
            new JavaFileObject[] {GoldenServices.WEB_BASE, GoldenServices.WEB}),
        Arguments.of("server", "com.example.Files_Lifecycle", new JavaFileObject[] {GoldenServices.SERVER}),
        Arguments.of("declared exceptions", "com.example.Quota_Lifecycle",
            new JavaFileObject[] {GoldenServices.THROWING}),
        Arguments.of("batched", "com.example.Tagger_Lifecycle",
            new JavaFileObject[] {GoldenServices.BATCHED}),
        Arguments.of("parameters", "com.example.Translator_Lifecycle",
            new JavaFileObject[] {GoldenServices.PARAMETER_BASE, GoldenServices.PARAMETERS}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void generatedDispatcherMatchesGoldenFile(String kind, String dispatcher, JavaFileObject[] sources)
      throws IOException {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = generatedSource(compilation, dispatcher);

    Path golden = GOLDEN.resolve(dispatcher.substring(dispatcher.lastIndexOf('.') + 1) + ".java");
    if (Boolean.getBoolean("lifecycle.golden.update")) {
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertThat(generated)
        .as("%s differs from %s; if the change is intended, regenerate (see class comment)", dispatcher, golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  static Stream<Arguments> clients() {
    return Stream.of(
        Arguments.of("plain", "com.example.GreeterClient", new JavaFileObject[] {GoldenServices.PLAIN}),
        Arguments.of("snapshot", "com.example.MLModelClient", new JavaFileObject[] {GoldenServices.SNAPSHOT}),
        Arguments.of(
            "inheritance",
            "com.example.CacheClient",
            new JavaFileObject[] {GoldenServices.BASE, GoldenServices.INHERITING}),
        Arguments.of("nested", "com.example.Outer_Middle_InnerClient", new JavaFileObject[] {GoldenServices.NESTED}),
        Arguments.of("declared exceptions", "com.example.QuotaClient",
            new JavaFileObject[] {GoldenServices.THROWING}),
        Arguments.of("batched", "com.example.TaggerClient",
            new JavaFileObject[] {GoldenServices.BATCHED}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void generatedClientMatchesGoldenFile(String kind, String client, JavaFileObject[] sources)
      throws IOException {
    generatedDispatcherMatchesGoldenFile(kind, client, sources);
  }
}
