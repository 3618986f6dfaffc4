package dev.lifecycle.pool;

import dev.lifecycle.pool.criu.CriuEngine;
import dev.lifecycle.pool.engine.SimulatedSnapshotEngine;
import dev.lifecycle.pool.engine.SnapshotEngine;
import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.launch.WorkerLauncher;
import dev.lifecycle.pool.internal.scheduling.FixedPorts;
import dev.lifecycle.pool.internal.supervisor.LocalService;
import dev.lifecycle.runtime.internal.WebBinding;
import dev.lifecycle.runtime.spi.ServiceParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@link ContainerPool}. Options not set keep the defaults below, or, for the
 * container options (input timeout, exit grace period, concurrent inputs), the values the service's
 * {@code @Service} annotation declares.
 */
public final class ContainerPoolBuilder {

  /**
   * The JVM options of workers unless {@link #jvmOptions} says otherwise: none, the JVM's own
   * defaults. No heap flags are needed for a small image: at the snapshot point the worker shrinks
   * its heap to the live objects and lets it grow again afterwards (with the G1 collector, the
   * JVM's default on most machines; Serial and Parallel cannot shrink below {@code -Xms}).
   */
  public static final List<String> DEFAULT_JVM_OPTIONS = List.of();

  private RetryPolicy retries = RetryPolicy.none();
  private final String serviceClassName;
  private final List<Path> classpath;
  private int minContainers = 0;
  /** Null until chosen: services on a fixed port default to 1, others to 4. */
  private Integer maxContainers;
  private Duration scaledownWindow = Duration.ofSeconds(60);
  private int bufferContainers = 0;
  private Integer maxConcurrentInputs;
  private Duration inputTimeout;
  private Duration exitGracePeriod;
  private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
  private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
  private boolean memorySnapshots = true;
  private Path snapshotStore;
  private Long snapshotStoreBudget;
  private SnapshotEngine engine = CriuEngine.fromEnvironment();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, String> buildEnvironment = new LinkedHashMap<>();
  private Path workDirectory;
  private boolean logWorkerOutput = true;
  private Duration startTimeout = Duration.ofMinutes(10);
  private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
  private WebBinding webBinding = WebBinding.DEFAULT;
  private final Map<String, String> parameters = new LinkedHashMap<>();

  ContainerPoolBuilder(String serviceClassName, List<Path> classpath) {
    this.serviceClassName = Objects.requireNonNull(serviceClassName, "serviceClassName");
    this.classpath = List.copyOf(classpath);
    if (serviceClassName.isBlank()) {
      throw new IllegalArgumentException("serviceClassName must not be blank");
    }
    if (this.classpath.isEmpty()) {
      throw new IllegalArgumentException("the workers' class path must not be empty: it holds "
          + serviceClassName + ", its generated dispatcher, lifecycle-pool and what it needs"
          + " (lifecycle-runtime, lifecycle-web, Jackson)");
    }
  }

  /**
   * The port of the pool's {@link ContainerPool#webAddress() web address}, for services with
   * {@code @WebEndpoint} or {@code @WebApp} methods; default 0, a free port chosen at build time.
   */
  public ContainerPoolBuilder webPort(int port) {
    this.webBinding = webBinding.withPort(port);
    return this;
  }

  /**
   * The address the pool's web address listens on; default the loopback address, so only this
   * machine reaches it. Containers themselves always listen on the loopback address.
   */
  public ContainerPoolBuilder webBindAddress(InetAddress address) {
    this.webBinding = webBinding.withAddress(Objects.requireNonNull(address, "address"));
    return this;
  }

  /**
   * Containers kept running even when idle, started by {@link #build()}; default 0 (1, always, for
   * a {@code @Server} or a service with a {@code @WebServer}: see {@link #maxContainers}).
   */
  public ContainerPoolBuilder minContainers(int min) {
    if (min < 0) {
      throw new IllegalArgumentException("minContainers must not be negative, was " + min);
    }
    this.minContainers = min;
    return this;
  }

  /**
   * Containers at most; calls beyond their capacity wait; default 4. A pool of a {@code @Server}
   * or of a service with a {@code @WebServer} method runs exactly one container, always: the
   * containers of one machine share its network, so only one can listen on the port they declare,
   * and the pool cannot see the traffic to that port to scale on it (more than 1 is refused).
   */
  public ContainerPoolBuilder maxContainers(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxContainers must be at least 1, was " + max);
    }
    this.maxContainers = max;
    return this;
  }

  /**
   * Idle containers the pool keeps ready above those serving calls (restored from the snapshot
   * for a snapshot-enabled service), within {@link #maxContainers}; default 0. A burst of calls
   * then finds containers ready instead of waiting for them to start; as calls take them, the pool
   * starts new ones in the background to refill the buffer. {@link #build()} returns once the
   * buffer serves. Modal's {@code buffer_containers}.
   */
  public ContainerPoolBuilder bufferContainers(int buffer) {
    if (buffer < 0) {
      throw new IllegalArgumentException("bufferContainers must not be negative, was " + buffer);
    }
    this.bufferContainers = buffer;
    return this;
  }

  /**
   * How long a container may stay idle before it is stopped, exit hooks included, as long as the
   * pool keeps its {@link #minContainers} and its {@link #bufferContainers}; default 60 s. Modal's
   * {@code scaledown_window}.
   */
  public ContainerPoolBuilder scaledownWindow(Duration window) {
    this.scaledownWindow = positive(window, "scaledownWindow");
    return this;
  }

  /** Overrides {@code @Service(maxConcurrentInputs)} in every container. */
  public ContainerPoolBuilder maxConcurrentInputs(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxConcurrentInputs must be at least 1, was " + max);
    }
    this.maxConcurrentInputs = max;
    return this;
  }

  /** Overrides {@code @Service(inputTimeoutSeconds)} in every container. */
  public ContainerPoolBuilder inputTimeout(Duration timeout) {
    this.inputTimeout = positive(timeout, "inputTimeout");
    return this;
  }

  /** Overrides {@code @Service(exitGracePeriodSeconds)} in every container. */
  public ContainerPoolBuilder exitGracePeriod(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("exitGracePeriod must not be negative, was " + grace);
    }
    this.exitGracePeriod = grace;
    return this;
  }

  /**
   * The worker JVMs' options, replacing {@link #DEFAULT_JVM_OPTIONS}; {@code -XX:-UsePerfData} is
   * always added. They are part of the snapshot key.
   */
  public ContainerPoolBuilder jvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
    return this;
  }

  /**
   * When an input is called again: after its container died or was lost during it; see {@link
   * RetryPolicy}. Default: {@link RetryPolicy#none()}. Calls, asynchronous calls and maps retry
   * alike; requests to the pool's web address are not retried (they may not be idempotent).
   */
  public ContainerPoolBuilder retries(RetryPolicy policy) {
    this.retries = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** The {@code java} that runs workers; default: this JVM's. */
  public ContainerPoolBuilder javaExecutable(Path java) {
    this.javaExecutable = Objects.requireNonNull(java, "java");
    return this;
  }

  /**
   * Whether to use memory snapshots for services that enable them; default true. Off, every
   * container starts cold, without a warning.
   */
  public ContainerPoolBuilder memorySnapshots(boolean enabled) {
    this.memorySnapshots = enabled;
    return this;
  }

  /**
   * The snapshot store's directory; default {@code $XDG_CACHE_HOME/lifecycle/snapshots}, else
   * {@code ~/.cache/lifecycle/snapshots}.
   */
  public ContainerPoolBuilder snapshotStore(Path directory) {
    this.snapshotStore = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * How many bytes of images the snapshot store may hold; default {@link
   * SnapshotStoreAdmin#defaultBudget()} (10 GiB unless {@code -Dlifecycle.snapshotStore.budget}
   * or {@code LIFECYCLE_SNAPSHOT_BUDGET} says otherwise). After this pool stores a new snapshot,
   * the older snapshots it supersedes are removed, then the least recently used others until the
   * store fits: never the new one, nor one another pool uses or builds.
   *
   * @param bytes the budget, at least 0 (0 keeps only the snapshots in use)
   */
  public ContainerPoolBuilder snapshotStoreBudget(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("snapshotStoreBudget must be at least 0 bytes, was " + bytes);
    }
    this.snapshotStoreBudget = bytes;
    return this;
  }

  /**
   * The engine that takes and restores the memory snapshots; default {@link
   * CriuEngine#fromEnvironment()}. {@code CriuEngine.at(path)} names the criu binary;
   * {@link SimulatedSnapshotEngine} needs neither root nor CRIU, for tests. An engine that is not
   * usable here turns snapshots off, with its reason.
   */
  public ContainerPoolBuilder engine(SnapshotEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    return this;
  }

  /**
   * A value every container reads through {@code RestoreEnvironment.get(name)}: given to each
   * restored clone at its restore, and to cold containers in their process environment.
   */
  public ContainerPoolBuilder environment(String name, String value) {
    environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** {@link #environment(String, String)} for each entry. */
  public ContainerPoolBuilder environment(Map<String, String> values) {
    values.forEach(this::environment);
    return this;
  }

  /**
   * Sets the service's {@code @Parameter} field {@code name} to {@code value} in every container of
   * this pool, right after its constructor and before any hook (the snap hooks see it). Setting a
   * name again replaces its value. The parameters are part of the snapshot key: pools of one
   * service with different parameters have snapshots of their own, and pools with the same
   * parameters share one, however the values were written ({@code 2}, {@code "+2"} or {@code
   * "02"}) when the service class is on this JVM's class path (see {@link #classLoader}); without
   * it, the text as given is the key. They are in the image and on the workers' command lines: never a
   * secret (use {@link #environment(String, String)} for those).
   *
   * @param value a {@code String}, a boxed primitive or an enum constant (its name); text is
   *     converted to the field's type strictly, see {@link dev.lifecycle.Parameter}
   * @throws IllegalArgumentException when {@code value} is of another type or holds a NUL
   *     character (as {@code ContainerBuilder.parameter} does); whether the service has such a
   *     parameter and the value fits its type is checked by {@link #build()}
   */
  public ContainerPoolBuilder parameter(String name, Object value) {
    parameters.put(Objects.requireNonNull(name, "name"), ServiceParameters.text(name, value));
    return this;
  }

  /** {@link #parameter(String, Object)} for each entry, in the map's order. */
  public ContainerPoolBuilder parameters(Map<String, ?> values) {
    values.forEach(this::parameter);
    return this;
  }

  /**
   * An environment variable of the worker that is checkpointed, for its snap hooks (a model's
   * location, say), and so part of the snapshot image and of every clone's environment: never a
   * secret. That worker starts with these and the few variables programs need (PATH, HOME, USER,
   * LOGNAME, LANG, LC_*, TZ, TMPDIR), not with the supervisor's environment; values that must not
   * outlive a restore go through {@link #environment(String, String)}.
   */
  public ContainerPoolBuilder buildEnvironment(String name, String value) {
    buildEnvironment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Where the workers' log files go ({@code <container id>.log}, what the worker wrote to its
   * standard output and error), kept after each container ended and after {@link
   * ContainerPool#close()}. Default: none are kept; each is deleted once its container ended and
   * its last lines reached the log (see {@link #logWorkerOutput}).
   */
  public ContainerPoolBuilder workDirectory(Path directory) {
    this.workDirectory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Whether every line a worker writes goes to this JVM's logging, {@link System.Logger} {@code
   * dev.lifecycle.worker.<service class>} at INFO, prefixed with the container's id (so SLF4J or
   * Logback users see it in their own format); default true. Off, the output is only in the log
   * files, which then only a {@link #workDirectory} keeps.
   */
  public ContainerPoolBuilder logWorkerOutput(boolean enabled) {
    this.logWorkerOutput = enabled;
    return this;
  }

  /** How long a container may take to start (its enter hooks included); default 10 minutes. */
  public ContainerPoolBuilder startTimeout(Duration timeout) {
    this.startTimeout = positive(timeout, "startTimeout");
    return this;
  }

  /**
   * Where the supervisor looks for the service class, to decode results as its declared types;
   * default: the thread's context class loader. Without the class, results are plain JSON values.
   */
  public ContainerPoolBuilder classLoader(ClassLoader loader) {
    this.classLoader = loader;
    return this;
  }

  /**
   * Opens the pool: checks the snapshot engine, finds an existing snapshot, and starts {@link #minContainers}
   * containers (in parallel once the snapshot exists) before it returns.
   *
   * @throws dev.lifecycle.runtime.ContainerStartException when a container's constructor or enter
   *     hook threw; the pool is closed again
   * @throws IllegalArgumentException when a parameter is not one the service declares, does not
   *     fit its type, or is required and not set (checked before any worker starts when the
   *     service class is on this JVM's class path, else by the first worker, which then does not
   *     start)
   * @throws WorkerLaunchException when a worker JVM could not be started
   * @throws UncheckedIOException when the pool's private directory or socket cannot be created
   */
  public ContainerPool build() {
    WorkerLauncher.requireWorkerMain(serviceClassName, classpath);
    int max = maxContainers == null ? FixedPorts.DEFAULT_MAX_CONTAINERS : maxContainers;
    if (minContainers > max) {
      throw new IllegalArgumentException("minContainers (" + minContainers + ") must not exceed"
          + " maxContainers (" + max + ")");
    }
    if (!logWorkerOutput && workDirectory == null) {
      throw new IllegalArgumentException("logWorkerOutput(false) without a workDirectory would keep"
          + " what the workers of " + serviceClassName + " write nowhere: give workDirectory(path)"
          + " to keep it in files there, or leave logWorkerOutput on.");
    }
    if (bufferContainers > max) {
      throw new IllegalArgumentException("bufferContainers (" + bufferContainers + ") must not"
          + " exceed maxContainers (" + max + "): the buffer is kept within the maximum. Raise"
          + " maxContainers or lower the buffer.");
    }
    ContainerPool pool;
    try {
      pool = new ContainerPool(config());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a container pool for " + serviceClassName + ": "
          + e.getMessage(), e);
    }
    pool.open();
    return pool;
  }

  /** What {@link #build()} opens a pool with. */
  PoolConfig config() {
    return new PoolConfig(serviceClassName, classpath, minContainers,
        Optional.ofNullable(maxContainers),
        scaledownWindow, bufferContainers, Optional.ofNullable(maxConcurrentInputs), Optional.ofNullable(inputTimeout),
        Optional.ofNullable(exitGracePeriod), jvmOptions, javaExecutable, memorySnapshots,
        Optional.ofNullable(snapshotStore), engine, environment, buildEnvironment,
        Optional.ofNullable(workDirectory), logWorkerOutput, startTimeout, classLoader,
        webBinding, retries, canonicalParameters(),
        snapshotStoreBudget == null ? SnapshotStoreAdmin.defaultBudget() : snapshotStoreBudget);
  }

  /**
   * The parameters checked and in their canonical text, when this JVM can load the service (its
   * descriptor has their types): one value is one snapshot key and one command line, however it
   * was written. Without the class, the text as given; the first worker checks it.
   */
  private Map<String, String> canonicalParameters() {
    return LocalService.find(serviceClassName, classLoader).descriptor()
        .map(descriptor -> ServiceParameters.canonical(descriptor, parameters))
        .orElse(parameters);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
