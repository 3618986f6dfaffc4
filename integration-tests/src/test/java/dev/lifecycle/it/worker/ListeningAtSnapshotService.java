package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The mistake checkpoint safety is for: a listening socket opened before the snapshot, which no
 * clone could share. The worker refuses the checkpoint, naming the socket.
 */
@Service(enableMemorySnapshot = true)
public class ListeningAtSnapshotService {

  private ServerSocket server;
  private String greeting;

  @Enter(snap = true)
  void listen() throws IOException {
    WorkerFiles.append("snaps", "snap " + ProcessHandle.current().pid());
    server = new ServerSocket(0);
  }

  @Enter
  void greet() {
    greeting = RestoreEnvironment.get("GREETING");
  }

  @Method
  public int port() {
    return server.getLocalPort();
  }

  /** The restore-time value GREETING, as the post-snapshot hook read it. */
  @Method
  public String greeting() {
    return greeting;
  }

  @Exit
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}
