package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriuLogTest {

  @TempDir Path tmp;

  @Test
  void quotesErrorAndWarningLinesButNotTheOneEveryRunPrints() throws Exception {
    Path log = tmp.resolve("restore.log");
    Files.write(log, List.of(
        "(00.000010) Version: 4.1.1 (gitid 0)",
        "(00.041225) Error (criu/util.c:1533): rlimit: Can't setup RLIMIT_NOFILE for self: Operation not permitted",
        "(00.048000) Restoring pid 1",
        "(00.048518)      1: Error (criu/files-reg.c:2175): File tmp/app.log has bad size 101 (expect 47)",
        "(00.048523)      1: Error (criu/files.c:1221): Unable to open fd=2 id=0x1e",
        "(00.050521) Error (criu/cr-restore.c:2320): Restoring FAILED."));

    assertThat(CriuLog.relevantLines(log)).containsExactly(
        "(00.048518)      1: Error (criu/files-reg.c:2175): File tmp/app.log has bad size 101 (expect 47)",
        "(00.048523)      1: Error (criu/files.c:1221): Unable to open fd=2 id=0x1e",
        "(00.050521) Error (criu/cr-restore.c:2320): Restoring FAILED.");
    assertThat(CriuLog.quote(log, "")).endsWith("\nFull criu log: " + log);
  }

  @Test
  void keepsTheLastTwentyFlaggedLines() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add("Warn (x.c:" + i + "): warning " + i);
    }
    Path log = tmp.resolve("dump.log");
    Files.write(log, lines);

    List<String> relevant = CriuLog.relevantLines(log);
    assertThat(relevant).hasSize(CriuLog.MAX_LINES);
    assertThat(relevant.get(0)).isEqualTo("Warn (x.c:30): warning 30");
    assertThat(relevant.get(19)).isEqualTo("Warn (x.c:49): warning 49");
  }

  @Test
  void withoutFlaggedLinesQuotesTheTail() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("line " + i);
    }
    Path log = tmp.resolve("dump.log");
    Files.write(log, lines);

    assertThat(CriuLog.relevantLines(log)).hasSize(10).endsWith("line 29");
  }

  @Test
  void withoutALogQuotesWhatCriuPrinted() {
    assertThat(CriuLog.quote(tmp.resolve("missing.log"), "criu: unknown option --frobnicate\n"))
        .isEqualTo("\n  criu: unknown option --frobnicate");
  }
}
