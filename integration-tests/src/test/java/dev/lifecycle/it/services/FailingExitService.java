package dev.lifecycle.it.services;

import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Two of four exit hooks throw. */
@Service
public class FailingExitService {

  public static final UncheckedIOException FIRST = new UncheckedIOException(new IOException("flush failed"));
  public static final IOException SECOND = new IOException("socket already closed");

  @Method
  public String ping() {
    return "pong";
  }

  @Exit
  void flush() {
    Journal.write("exit.flush");
    throw FIRST;
  }

  @Exit
  void closeFile() {
    Journal.write("exit.file");
  }

  @Exit
  void closeSocket() throws IOException {
    Journal.write("exit.socket");
    throw SECOND;
  }

  @Exit
  void deleteTempDir() {
    Journal.write("exit.tempdir");
  }
}
