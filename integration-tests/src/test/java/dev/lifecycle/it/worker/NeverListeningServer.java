package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Server;

/** A server whose enter hook forgets to start the server: its port never opens. */
@Server(port = NeverListeningServer.PORT, startupTimeoutSeconds = 1)
public class NeverListeningServer {

  static final int PORT = 18473;

  @Enter
  void start() {
    WorkerFiles.append("enters", "started nothing");
  }

  @Exit
  void stop() {
    WorkerFiles.append("exits", "stopped");
  }
}
