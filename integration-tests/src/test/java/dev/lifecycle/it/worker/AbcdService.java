package dev.lifecycle.it.worker;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The snapshot pattern in worker JVMs: two snap hooks build state once (A, B), a post-snapshot
 * hook makes what must differ per container (C), a call reads it all (D). Each snap hook run is
 * recorded in the file {@code snaps}, so the test can count them across every JVM.
 */
@Service(enableMemorySnapshot = true)
public class AbcdService {

  /** What one container says about itself. */
  public record Identity(String containerId, String postSnapshotValue, String sha1Random,
      long nativeRandom, String greeting, boolean restored, long pid, String order,
      String inputThread) {}

  private final StringBuffer order = new StringBuffer();
  private SecureRandom sha1;
  private SecureRandom nativeRandom;
  private String postSnapshotValue;
  private String greeting;
  private String containerId;

  @Enter(snap = true)
  void a() {
    order.append('A');
    WorkerFiles.append("snaps", "snap " + ProcessHandle.current().pid());
  }

  @Enter(snap = true)
  void b() throws NoSuchAlgorithmException {
    order.append('B');
    // Deterministic once seeded: without reseeding, every clone would draw the same bytes.
    sha1 = RestoreEnvironment.reseedOnRestore(SecureRandom.getInstance("SHA1PRNG"));
    sha1.nextBytes(new byte[16]);
    nativeRandom = new SecureRandom();
    nativeRandom.nextLong();
  }

  @Enter
  void c() {
    order.append('C');
    postSnapshotValue = UUID.randomUUID().toString();
    greeting = RestoreEnvironment.get("GREETING");
    containerId = RestoreEnvironment.containerId().orElse("none");
  }

  @Method
  public String order() {
    return order + "D";
  }

  /** Waits {@code holdMillis} first, so that concurrent calls land in different containers. */
  @Method
  public Identity identity(long holdMillis) throws InterruptedException {
    Thread.sleep(holdMillis);
    byte[] bytes = new byte[16];
    sha1.nextBytes(bytes);
    return new Identity(containerId, postSnapshotValue, HexFormat.of().formatHex(bytes),
        nativeRandom.nextLong(), greeting, RestoreEnvironment.restored(),
        ProcessHandle.current().pid(), order + "D", Thread.currentThread().getName());
  }

  @Exit
  void recordExit() {
    WorkerFiles.append("exits", "exit " + containerId);
  }
}
