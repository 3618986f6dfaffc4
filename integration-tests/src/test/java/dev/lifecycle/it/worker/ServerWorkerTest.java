package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.runtime.ContainerStartException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Server} classes in worker JVMs: ready only once the port answers, the reference's
 * child-process server from a memory snapshot (and restored from it), the checkpoint refused when
 * the server listens before the snapshot, a port that never opens, and one container per port.
 */
@ExtendWith(NoStrayWorkers.class)
class ServerWorkerTest {

  @TempDir Path dir;

  @Test
  void theChildProcessServerServesAPageFromTheSnapshotAndIsGoneAfterStop() throws Exception {
    Workers.requireCriu();
    URI page = URI.create("http://127.0.0.1:" + ChildProcessServer.PORT + "/index.html");

    try (ContainerPool pool = Workers.pool(ChildProcessServer.class, dir).minContainers(1).build()) {
      // Ready means the port answers: no retry needed.
      HttpResponse<String> response = Http.get(page);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("<h1>served by pid " + child(0) + "</h1>");
      assertThat(pool.snapshotStatus().state()).isEqualTo(SnapshotStatus.State.AVAILABLE);
      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsExactly(StartKind.CHECKPOINTED);
    }
    assertChildGone(0);

    // A new pool restores the stored snapshot: the post-snapshot hook starts a new child.
    try (ContainerPool pool = Workers.pool(ChildProcessServer.class, dir).minContainers(1).build()) {
      HttpResponse<String> response = Http.get(page);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("<h1>served by pid " + child(1) + "</h1>");
      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsExactly(StartKind.RESTORED);
    }
    assertChildGone(1);
    assertThat(WorkerFiles.lines(dir, "snaps")).as("snap hook runs").hasSize(1);
  }

  @Test
  void sigtermRunsTheExitHookThatStopsTheChildAndThePoolStartsAnotherServer() throws Exception {
    URI page = URI.create("http://127.0.0.1:" + ChildProcessServer.PORT + "/");
    try (ContainerPool pool = Workers.pool(ChildProcessServer.class, dir).memorySnapshots(false).build()) {
      ContainerInfo first = pool.containers().get(0);
      assertThat(Http.get(page).body()).contains("served by pid " + child(0));

      Workers.signal(first.pid(), "TERM");

      Workers.awaitTrue(() -> WorkerFiles.lines(dir, "exits").contains(Long.toString(child(0))),
          () -> "the exit hook stopped the child after SIGTERM");
      // The pool keeps its one container: a replacement starts a new child on the same port.
      Workers.awaitTrue(() -> WorkerFiles.lines(dir, "children").size() == 2
              && pool.containers().stream().anyMatch(c -> c.state() == ContainerInfo.State.READY),
          () -> "a replacement server");
      assertThat(Http.get(page).body()).contains("served by pid " + child(1));
    }
    assertChildGone(1);
  }

  @Test
  void aWebServerMethodServesItsOwnPortFromTheSnapshotInOneContainerPerPool() throws Exception {
    Workers.requireCriu();
    URI page = URI.create("http://127.0.0.1:" + OwnWebServerService.PORT + "/");
    assertThatThrownBy(() -> Workers.pool(OwnWebServerService.class, dir).maxContainers(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port " + OwnWebServerService.PORT);

    try (ContainerPool pool = Workers.pool(OwnWebServerService.class, dir).build()) {
      assertThat(pool.webAddress()).as("clients use the method's own port").isEmpty();
      assertThat(Http.get(page).body()).isEqualTo("own server of "
          + pool.containers().get(0).containerId() + ", restored: false");
      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsExactly(StartKind.CHECKPOINTED);
    }
    try (ContainerPool pool = Workers.pool(OwnWebServerService.class, dir).build()) {
      assertThat(Http.get(page).body()).endsWith(", restored: true");
      assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsExactly(StartKind.RESTORED);
    }
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(1);
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(2);
    assertThatThrownBy(() -> new Socket("127.0.0.1", OwnWebServerService.PORT).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void aServerListeningAtTheSnapshotPointIsNamedAndStartsCold() throws Exception {
    Workers.requireCriu();
    try (WarningCapture warnings = new WarningCapture();
        ContainerPool pool = Workers.pool(ServerListeningAtSnapshot.class, dir).minContainers(1).build()) {
      SnapshotStatus status = pool.snapshotStatus();
      assertThat(status.state()).isEqualTo(SnapshotStatus.State.COLD_FALLBACK);
      assertThat(status.detail())
          .contains("TCP *:" + ServerListeningAtSnapshot.PORT + " (listening)")
          .contains("in a post-snapshot hook (@Enter without snap = true)");
      assertThat(warnings.warnings()).singleElement().asString().contains("containers start cold");
      try (Socket connected = new Socket("127.0.0.1", ServerListeningAtSnapshot.PORT)) {
        assertThat(connected.isConnected()).isTrue();
      }
    }
  }

  @Test
  void aPortThatNeverOpensFailsTheStartNamingThePortAndRunsTheExitHooks() throws Exception {
    assertThatThrownBy(() -> Workers.pool(NeverListeningServer.class, dir).minContainers(1).build())
        .isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("port " + NeverListeningServer.PORT)
        .hasMessageContaining(NeverListeningServer.class.getName());
    assertThat(WorkerFiles.lines(dir, "enters")).hasSize(1);
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(1);
  }

  @Test
  void aPoolRunsExactlyOneContainerOfAServer() throws Exception {
    assertThatThrownBy(() -> Workers.pool(ChildProcessServer.class, dir).maxContainers(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port " + ChildProcessServer.PORT)
        .hasMessageContaining("asked for 2")
        .hasMessageContaining("Leave maxContainers and minContainers unset");
    assertThatThrownBy(() -> Workers.pool(ChildProcessServer.class, dir).minContainers(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asked for 2");
    assertThat(Workers.markedProcesses()).isEmpty();

    // Unset, or even minContainers(0) and a short idle timeout: one container, started at once
    // and kept, since the pool cannot see the traffic to the server's port.
    try (ContainerPool pool = Workers.pool(ChildProcessServer.class, dir)
        .memorySnapshots(false).minContainers(0).scaledownWindow(java.time.Duration.ofMillis(200)).build()) {
      assertThat(Http.get(URI.create("http://127.0.0.1:" + ChildProcessServer.PORT + "/")).statusCode())
          .isEqualTo(200);
      Thread.sleep(1000); // five idle timeouts
      assertThat(pool.containers()).singleElement()
          .satisfies(info -> assertThat(info.state()).isEqualTo(ContainerInfo.State.READY));
    }
  }

  private long child(int index) {
    List<String> children = WorkerFiles.lines(dir, "children");
    assertThat(children).hasSizeGreaterThan(index);
    return Long.parseLong(children.get(index));
  }

  /** The child's pid was seen from inside the worker's pid namespace: look for its program. */
  private void assertChildGone(int index) throws IOException {
    assertThat(WorkerFiles.lines(dir, "exits")).hasSizeGreaterThan(index);
    Workers.awaitTrue(() -> Workers.markedProcesses().stream().noneMatch(ServerWorkerTest::isPageServer),
        () -> "the page server child process still runs");
    assertThatThrownBy(() -> new Socket("127.0.0.1", ChildProcessServer.PORT).close())
        .as("nothing listens on the port any more").isInstanceOf(IOException.class);
  }

  private static boolean isPageServer(long pid) {
    return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
        .map(line -> line.contains(PageServer.class.getName())).orElse(false);
  }
}
