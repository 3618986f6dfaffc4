package dev.lifecycle.pool.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.engine.CheckpointPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerArgumentsTest {

  private final WorkerArguments arguments = new WorkerArguments("com.example.Model",
      Path.of("/tmp/pool/supervisor.sock"), "Model-7", true, "criu",
      CheckpointPolicy.REFUSE_UNOWNED_RESOURCES, false, Optional.of(2),
      Optional.of(Duration.ofSeconds(5)), Optional.empty());

  @Test
  void argumentsSurviveTheCommandLine() {
    assertThat(WorkerArguments.parse(arguments.toArguments().toArray(String[]::new))).isEqualTo(arguments);
  }

  @Test
  void theImageArgumentsLeaveOutWhatDiffersPerContainerOrSupervisor() {
    assertThat(arguments.imageArguments())
        .containsExactly("--service=com.example.Model", "--checkpoint=true", "--engine=criu",
            "--checkpoint-policy=REFUSE_UNOWNED_RESOURCES", "--max-concurrent-inputs=2",
            "--input-timeout=PT5S")
        .noneMatch(a -> a.contains("Model-7") || a.contains("supervisor.sock"));
  }

  @Test
  void aReplayedRestoreIsMarkedAfterTheRecordedArguments() {
    WorkerArguments replayed = new WorkerArguments("com.example.Model",
        Path.of("/tmp/pool/supervisor.sock"), "Model-7", true, "simulated",
        CheckpointPolicy.ALLOW_ALL, true, Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(replayed.toArguments()).endsWith(WorkerArguments.REPLAY);
    assertThat(WorkerArguments.parse(replayed.toArguments().toArray(String[]::new))).isEqualTo(replayed);
    assertThat(replayed.imageArguments()).doesNotContain(WorkerArguments.REPLAY);
  }

  @Test
  void aBadCommandLineIsNamed() {
    assertThatThrownBy(() -> WorkerArguments.parse(new String[] {"--service=x", "--frobnicate"}))
        .hasMessageContaining("unknown worker argument '--frobnicate'");
    assertThatThrownBy(() -> WorkerArguments.parse(new String[] {"--service=x", "--container=c"}))
        .hasMessageContaining("--socket=... is missing");
  }

  @Test
  void parametersTravelOnTheCommandLineInNameOrderButNotInTheImageArguments() {
    WorkerArguments withParameters = new WorkerArguments("com.example.Model",
        Path.of("/tmp/pool/supervisor.sock"), "Model-7", true, "criu",
        CheckpointPolicy.REFUSE_UNOWNED_RESOURCES, false, Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of("size", "LARGE", "prompt", "a=b c", "empty", ""));

    assertThat(withParameters.toArguments()).containsSubsequence("--parameter=empty=",
        "--parameter=prompt=a=b c", "--parameter=size=LARGE");
    assertThat(WorkerArguments.parse(withParameters.toArguments().toArray(String[]::new)))
        .isEqualTo(withParameters);
    assertThat(withParameters.imageArguments()).noneMatch(a -> a.startsWith("--parameter="));
    assertThatThrownBy(() -> WorkerArguments.parse(
        new String[] {"--service=x", "--socket=s", "--container=c", "--parameter==x"}))
        .hasMessageContaining("'--parameter==x' is not --parameter=<name>=<value>");
  }
}
