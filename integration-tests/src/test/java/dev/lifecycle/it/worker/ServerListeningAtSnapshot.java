package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Server;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The server pattern's mistake: the server is started in the snap hook, so its listening socket is
 * open at the snapshot point. The worker refuses the checkpoint, naming the socket, and the
 * container carries on cold, serving.
 */
@Server(port = ServerListeningAtSnapshot.PORT, enableMemorySnapshot = true)
public class ServerListeningAtSnapshot {

  static final int PORT = 18472;

  private ServerSocket socket;

  @Enter(snap = true)
  void listen() throws IOException {
    socket = new ServerSocket(PORT);
  }

  @Exit
  void close() throws IOException {
    socket.close();
  }
}
