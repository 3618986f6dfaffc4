package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snap hook that keeps a file open, which a pool refuses to checkpoint: its clones would find
 * the file changed, or gone.
 */
@Service(enableMemorySnapshot = true)
public class OpenFileAtSnapService {

  public static final String FILE_PREFIX = "lifecycle-open-at-snap-";

  private Path file;
  private FileInputStream held;

  @Enter(snap = true)
  void openData() throws IOException {
    file = Files.createTempFile(FILE_PREFIX, ".bin");
    held = new FileInputStream(file.toFile());
  }

  @Method
  public String ping() {
    return "pong";
  }

  @Exit
  void closeData() throws IOException {
    held.close();
    Files.deleteIfExists(file);
    Journal.write("openfile.exit");
  }
}
