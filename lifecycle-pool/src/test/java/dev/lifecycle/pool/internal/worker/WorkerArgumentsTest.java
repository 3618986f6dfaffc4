package dev.lifecycle.pool.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerArgumentsTest {

  private final WorkerArguments arguments = new WorkerArguments("com.example.Model",
      Path.of("/tmp/pool/supervisor.sock"), "Model-7", true, Optional.of(2),
      Optional.of(Duration.ofSeconds(5)), Optional.empty());

  @Test
  void argumentsSurviveTheCommandLine() {
    assertThat(WorkerArguments.parse(arguments.toArguments().toArray(String[]::new))).isEqualTo(arguments);
  }

  @Test
  void theImageArgumentsLeaveOutWhatDiffersPerContainerOrSupervisor() {
    assertThat(arguments.imageArguments())
        .containsExactly("--service=com.example.Model", "--checkpoint=true",
            "--max-concurrent-inputs=2", "--input-timeout=PT5S")
        .noneMatch(a -> a.contains("Model-7") || a.contains("supervisor.sock"));
  }

  @Test
  void aBadCommandLineIsNamed() {
    assertThatThrownBy(() -> WorkerArguments.parse(new String[] {"--service=x", "--frobnicate"}))
        .hasMessageContaining("unknown worker argument '--frobnicate'");
    assertThatThrownBy(() -> WorkerArguments.parse(new String[] {"--service=x", "--container=c"}))
        .hasMessageContaining("--socket=... is missing");
  }
}
