package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the JDK's logging left as it comes, a pool's messages and its workers' lines are one line
 * each; {@code -Dlifecycle.logging=jdk} keeps the JDK's two-line format.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolLogFormatTest {

  private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ";

  @TempDir Path dir;

  @Test
  void poolMessagesAndWorkerLinesAreOneLineEach() throws Exception {
    String output = run();

    assertThat(output).contains("result FORMATS");
    List<String> lines = output.lines().toList();
    assertThat(lines).anyMatch(line -> line.matches(LINE_START + "ContainerPool: pool of "
        + PrintingService.class.getName() + ": started PrintingService-\\d+ \\(cold\\) to keep the"
        + " minimum of 1 \\(1 container\\)"));
    assertThat(lines).anyMatch(line -> line.matches(LINE_START
        + "PrintingService: \\[PrintingService-\\d+\\] shouting formats"));
    assertThat(lines).anyMatch(line -> line.matches(LINE_START
        + "PrintingService: \\[PrintingService-\\d+\\] exit hook ran"));
    assertThat(lines).noneMatch(line -> line.startsWith("INFO: "));
  }

  @Test
  void theJdksOwnFormatStaysWhenAskedFor() throws Exception {
    String output = run("-Dlifecycle.logging=jdk");

    assertThat(output.lines())
        .anyMatch(line -> line.matches("INFO: \\[PrintingService-\\d+\\] shouting formats"));
  }

  @Test
  void anApplicationThatConfiguresItsLoggingLaterGetsLifecyclesLinesInItsOwnFormat() throws Exception {
    String output = run("reconfigure");

    assertThat(output).contains("result FORMATS");
    // The JDK's two-line format again: "INFO: message" below a line with the time and class.
    assertThat(output.lines()).anyMatch(line -> line.startsWith("INFO: pool of "
        + PrintingService.class.getName() + ": ") && line.contains("to keep the minimum of 1"));
    assertThat(output.lines()).noneMatch(line -> line.matches(LINE_START + "ContainerPool: .*"));
  }

  private String run(String... jvmOptionsThenArguments) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(List.of(java, Workers.MARKER));
    List<String> arguments = new ArrayList<>(List.of(dir.toString()));
    for (String option : jvmOptionsThenArguments) {
      (option.startsWith("-") ? command : arguments).add(option);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        PoolLogFormatMain.class.getName()));
    command.addAll(arguments);
    Path output = Files.createTempFile(dir, "output", ".txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
      String text = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(text).isZero();
      return text;
    } finally {
      process.destroyForcibly();
    }
  }
}
