package dev.lifecycle.examples.pooling;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resource pooling: a thread pool created once in an enter hook, shared by every call, and shut
 * down in an exit hook.
 *
 * <p>Creating a pool per call would pay for thread creation on every request and could leave
 * threads behind when a call fails; a pool that is never shut down keeps its threads, and with
 * them the JVM, alive. The exit hook shuts it down in the standard two steps: {@code shutdown()}
 * lets queued work finish, {@code shutdownNow()} interrupts what is still running after a grace
 * period.
 */
@Service
public class DigestService {

  private static final System.Logger LOG = System.getLogger(DigestService.class.getName());
  static final int THREADS = 3;

  private ExecutorService pool;
  private final List<Thread> workers = new CopyOnWriteArrayList<>();

  @Enter
  void startPool() {
    AtomicInteger number = new AtomicInteger();
    pool = Executors.newFixedThreadPool(THREADS, task -> {
      Thread worker = new Thread(task, "digest-worker-" + number.incrementAndGet());
      worker.setDaemon(true); // a pool must never keep the JVM alive on its own
      workers.add(worker);
      return worker;
    });
  }

  /** The SHA-256 of each text, computed in parallel on the pool; in the order given. */
  @Method
  public Map<String, String> sha256(List<String> texts) throws InterruptedException, ExecutionException {
    Map<String, Future<String>> futures = new LinkedHashMap<>();
    for (String text : texts) {
      futures.put(text, pool.submit(() -> sha256Hex(text)));
    }
    Map<String, String> digests = new LinkedHashMap<>();
    for (Map.Entry<String, Future<String>> entry : futures.entrySet()) {
      digests.put(entry.getKey(), entry.getValue().get());
    }
    return digests;
  }

  /** The names of the threads the pool started so far. */
  @Method
  public List<String> workerNames() {
    return workers.stream().map(Thread::getName).toList();
  }

  @Exit
  void stopPool() throws InterruptedException {
    if (pool == null) {
      return;
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      List<Runnable> dropped = pool.shutdownNow();
      LOG.log(Level.WARNING, "Digest pool did not finish in 10 s; interrupted it, "
          + dropped.size() + " queued tasks dropped");
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The pool; for tests. */
  public ExecutorService pool() {
    return pool;
  }

  /** The pool's threads; for tests. */
  public List<Thread> workers() {
    return List.copyOf(workers);
  }

  static String sha256Hex(String text) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
