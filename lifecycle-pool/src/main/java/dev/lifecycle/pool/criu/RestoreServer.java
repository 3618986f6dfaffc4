package dev.lifecycle.pool.criu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A criu that {@code lifecycle install-criu} built, kept running as a restore server ({@code criu
 * lifecycle-restore-server}): every restore is a fork of it instead of a new criu started by this
 * JVM. Starting criu cost each restore some 2 ms here (the JDK's launch helper and criu each
 * executed and dynamically linked, and criu probing the processor), on the way of every clone.
 *
 * <p>One server per criu binary and JVM, started by the first restore. It ends when this JVM ends
 * (its standard input closes) or after a minute without a restore; the next restore starts a new
 * one. A restore it could not take (it ended before it forked) is handed to a new server, and
 * when none takes it {@link Criu} starts a criu for it as before; a restore it took runs to its
 * end or its deadline, then criu and whatever it restored are killed, as {@link CriuCommand} does
 * with a criu of its own.
 */
final class RestoreServer {

  /** The command of criu's that serves restores. */
  static final String COMMAND = "lifecycle-restore-server";

  private static final Map<Path, RestoreServer> SERVERS = new ConcurrentHashMap<>();

  private final Path executable;
  private final AtomicLong ids = new AtomicLong();
  /** Guarded by {@code this}: the running server, or null. */
  private Connection connection;

  private RestoreServer(Path executable) {
    this.executable = executable;
  }

  /** The server of {@code executable}, shared by every restore of this JVM. */
  static RestoreServer of(Path executable) {
    return SERVERS.computeIfAbsent(executable, RestoreServer::new);
  }

  /**
   * Runs criu with {@code arguments} (its own path first) and its fds 0, 1 and 2 from {@code
   * stdin}, {@code stdout} and {@code stderr} (files), {@code assignment} ({@code NAME=value}) added
   * to its environment, until it exits or {@code timeout} passes.
   *
   * @throws Unavailable when no server could take the run (none started, or two ended before
   *     they took it): nothing of it ran, and a criu of its own may run it instead
   * @throws CriuException when the server refused the run, or criu times out or is interrupted
   */
  CriuCommand.Finished run(List<String> arguments, Redirect stdin, Redirect stdout, Redirect stderr,
      String assignment, Duration timeout, String what, Path log)
      throws Unavailable, CriuException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String id = Long.toString(ids.incrementAndGet());
    byte[] request = request(id, List.of(spec(stdin), spec(stdout), spec(stderr), assignment), arguments);
    Pending pending = null;
    // A server that ended before it took the request took nothing: a new one gets it, once.
    for (int attempt = 0; attempt < 2 && pending == null; attempt++) {
      Connection server = connection();
      Pending sent = server.send(id, request);
      try {
        long pid = sent.started.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        // 0: it ended before it took the request, and is marked so: the next attempt starts another.
        if (pid > 0) {
          pending = sent;
        }
      } catch (ExecutionException refused) {
        throw new CriuException("Could not start " + what + ": criu's restore server refused it: "
            + refused.getCause().getMessage(), log);
      } catch (TimeoutException e) {
        killWhenStarted(sent);
        throw new CriuException(what + " did not start within " + CriuCommand.format(timeout)
            + ": criu's restore server did not answer." + CriuLog.quote(log, ""), log);
      } catch (InterruptedException e) {
        killWhenStarted(sent);
        Thread.currentThread().interrupt();
        throw new CriuException(what + " was interrupted before criu started.", log, e);
      }
    }
    if (pending == null) {
      throw new Unavailable(executable + " " + COMMAND + " ended twice before it took " + what);
    }
    long pid = pending.started.join();
    try {
      int code = pending.exited.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (code < 0) {
        kill(pid, pending);
        throw new CriuException(what + " lost criu's restore server while it ran; criu and its"
            + " children were killed." + CriuLog.quote(log, ""), log);
      }
      return new CriuCommand.Finished(code, "", Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      kill(pid, pending);
      throw new CriuException(CriuCommand.timedOut(what, timeout, log, ""), log);
    } catch (InterruptedException e) {
      kill(pid, pending);
      Thread.currentThread().interrupt();
      throw new CriuException(CriuCommand.interrupted(what, log, ""), log, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("an exit is never completed exceptionally", e);
    }
  }

  private synchronized Connection connection() throws Unavailable {
    if (connection == null || !connection.alive()) {
      try {
        connection = Connection.start(executable);
      } catch (IOException e) {
        throw new Unavailable("cannot start " + executable + " " + COMMAND + ": " + e.getMessage());
      }
    }
    return connection;
  }

  /** No server could take a run; nothing of it ran. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /** A restore given up on before the server answered: killed should it start after all. */
  private static void killWhenStarted(Pending pending) {
    // On the thread that reads the server's answers: kills, does not wait for the exit it reads.
    pending.started.thenAccept(pid -> {
      if (pid > 0) {
        destroy(pid);
      }
    });
  }

  /** Kills criu (a child of the server, not of this JVM) and what it restored, and waits a while. */
  private static void kill(long pid, Pending pending) {
    destroy(pid);
    try {
      pending.exited.get(CriuCommand.REAP_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The server reaps it; nothing more to wait for here.
    }
  }

  private static void destroy(long pid) {
    ProcessHandle.of(pid).ifPresent(CriuCommand::destroyTree);
  }

  /** How the server opens a file for one of criu's fds: mode letter, then the path. */
  static String spec(Redirect redirect) {
    String mode = switch (redirect.type()) {
      case READ -> "r";
      case WRITE -> "w";
      case APPEND -> "a";
      default -> throw new IllegalArgumentException(
          "criu's restore server opens files only, not " + redirect);
    };
    return mode + redirect.file().getAbsolutePath();
  }

  /** The request's frame: its length (32 bits, little-endian), then each string NUL-terminated. */
  static byte[] request(String id, List<String> fields, List<String> arguments) {
    List<String> strings = new ArrayList<>();
    strings.add(id);
    strings.addAll(fields);
    strings.addAll(arguments);
    int length = 0;
    List<byte[]> encoded = new ArrayList<>();
    for (String s : strings) {
      if (s.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a criu argument cannot hold a NUL: " + s);
      }
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      encoded.add(bytes);
      length += bytes.length + 1;
    }
    ByteBuffer frame = ByteBuffer.allocate(4 + length).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt(length);
    for (byte[] bytes : encoded) {
      frame.put(bytes).put((byte) 0);
    }
    return frame.array();
  }

  /**
   * One request's answers: {@code started} with criu's pid (0 when the server ended before it took
   * the request, exceptionally when it refused it), {@code exited} with criu's exit code (128 plus
   * the signal that ended it; -1 when the server ended first).
   */
  private record Pending(CompletableFuture<Long> started, CompletableFuture<Integer> exited) {
    Pending() {
      this(new CompletableFuture<>(), new CompletableFuture<>());
    }

    void serverEnded() {
      started.complete(0L);
      exited.complete(-1);
    }
  }

  /** One running server: requests written to its stdin, its answers read from its stdout. */
  private static final class Connection {
    private final Process process;
    private final OutputStream requests;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean ended;

    private Connection(Process process) {
      this.process = process;
      this.requests = process.getOutputStream();
    }

    static Connection start(Path executable) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(executable.toString(), COMMAND)
          .redirectError(Redirect.DISCARD);
      // Every library function bound as the server starts, not in each restore's child the first
      // time it calls it: the children never exec, so nothing else sees the variable.
      builder.environment().put("LD_BIND_NOW", "1");
      Process process = builder.start();
      Connection connection = new Connection(process);
      Thread reader = new Thread(connection::readAnswers, "lifecycle-criu-restore-server");
      reader.setDaemon(true);
      reader.start();
      return connection;
    }

    boolean alive() {
      return !ended;
    }

    Pending send(String id, byte[] request) {
      Pending answer = new Pending();
      pending.put(id, answer);
      try {
        synchronized (requests) {
          requests.write(request);
          requests.flush();
        }
      } catch (IOException e) {
        ended(); // a server gone before it read: the request is for the next one
      }
      if (ended) {
        answer.serverEnded();
      }
      return answer;
    }

    void ended() {
      ended = true;
      process.destroy(); // idle or broken: a new server takes what comes next
      pending.values().forEach(Pending::serverEnded);
    }

    private void readAnswers() {
      try (BufferedReader answers = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = answers.readLine()) != null) {
          answer(line);
        }
      } catch (IOException | RuntimeException e) {
        // As if it ended: every request under way learns it below.
      }
      ended();
    }

    private void answer(String line) {
      String[] parts = line.split(" ", 3);
      Pending answer = parts.length == 3 ? pending.get(parts[0]) : null;
      if (answer == null) {
        return;
      }
      switch (parts[1]) {
        case "started" -> answer.started.complete(Long.parseLong(parts[2]));
        case "exited" -> {
          pending.remove(parts[0]);
          answer.exited.complete(Integer.parseInt(parts[2]));
        }
        case "refused" -> {
          pending.remove(parts[0]);
          answer.started.completeExceptionally(new IOException(parts[2]));
        }
        default -> { }
      }
    }
  }
}
