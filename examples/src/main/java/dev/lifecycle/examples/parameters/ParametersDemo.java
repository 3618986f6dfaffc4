package dev.lifecycle.examples.parameters;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.examples.model.SnapshotDemo;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One service class in two pools with two sets of parameters: an English and a German spell
 * checker, each pool with its own snapshot (when CRIU works here), each container checking in its
 * own language; then a third pool with the English set, which restores the English snapshot.
 */
public final class ParametersDemo {

  private ParametersDemo() {}

  public static void main(String[] args) throws IOException {
    Path store = Files.createTempDirectory("lifecycle-parameters-demo-");
    try {
      run(store, System.out);
    } finally {
      SnapshotDemo.deleteRecursively(store);
    }
  }

  /**
   * Runs the demo with snapshots in {@code store}, printing to {@code out}.
   *
   * @return what each pool answered ({@code ENGLISH}, {@code GERMAN}, {@code ENGLISH again}): its
   *     dictionary, the check of one text, how its container started, its snapshot
   */
  static Map<String, Answer> run(Path store, PrintStream out) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    out.println("One SpellCheckService class, two pools, two parameter sets:");
    answers.put("ENGLISH", check(store, Language.ENGLISH,
        "the quick brwon fox jumps over the lazzy dog", out));
    answers.put("GERMAN", check(store, Language.GERMAN,
        "der schnelle braune fuchs springt über den faulen hnud", out));
    out.printf(Locale.ROOT, "%nA third pool with the first set restores the first snapshot:%n");
    answers.put("ENGLISH again", check(store, Language.ENGLISH, "a smal world", out));
    return answers;
  }

  private static Answer check(Path store, Language language, String text, PrintStream out) {
    try (ContainerPool pool = ContainerPool.builder(SpellCheckService.class)
        .minContainers(1).maxContainers(1).snapshotStore(store)
        .parameter("language", language).parameter("maxSuggestions", 2)
        .build()) {
      SpellCheckServiceClient client = SpellCheckServiceClient.of(pool);
      ContainerInfo container = pool.containers().get(0);
      SnapshotStatus snapshot = pool.snapshotStatus();
      Answer answer = new Answer(client.dictionary(), client.check(text).toString(),
          container.startKind(), snapshot.state(),
          snapshot.image().map(Path::getFileName).map(Path::toString).orElse(""));
      out.printf(Locale.ROOT, "%n  parameter(\"language\", %s): container %s, %s start%n",
          language, container.containerId(), container.startKind());
      out.printf(Locale.ROOT, "    dictionary() -> %s%n", answer.dictionary());
      out.printf(Locale.ROOT, "    check(\"%s\")%n      -> %s%n", text, answer.check());
      out.printf(Locale.ROOT, "    snapshot: %s %s%n", snapshot.state(), answer.image());
      return answer;
    }
  }

  /**
   * What one pool answered.
   *
   * @param dictionary its {@code dictionary()}
   * @param check its {@code check(...)} of the pool's text
   * @param start how its container started
   * @param snapshot its snapshot's state
   * @param image the name of its snapshot's directory; empty without one
   */
  record Answer(String dictionary, String check, StartKind start, SnapshotStatus.State snapshot,
      String image) {}
}
