package dev.lifecycle.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lifecycle.pool.internal.DaemonThreads;
import dev.lifecycle.pool.internal.FileTrees;
import dev.lifecycle.pool.internal.PoolConfig;
import dev.lifecycle.pool.internal.launch.PrivateDirectory;
import dev.lifecycle.pool.internal.launch.WorkerLauncher;
import dev.lifecycle.pool.internal.launch.WorkerOutput;
import dev.lifecycle.pool.internal.protocol.ArgumentCodec;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.scheduling.FixedPorts;
import dev.lifecycle.pool.internal.scheduling.PoolScheduler;
import dev.lifecycle.pool.internal.scheduling.ScalingLog;
import dev.lifecycle.pool.internal.supervisor.ContainerStarter;
import dev.lifecycle.pool.internal.supervisor.LocalService;
import dev.lifecycle.pool.internal.supervisor.PoolGrowth;
import dev.lifecycle.pool.internal.supervisor.SnapshotPlanner;
import dev.lifecycle.pool.internal.supervisor.RemoteItems;
import dev.lifecycle.pool.internal.supervisor.SocketServer;
import dev.lifecycle.pool.internal.supervisor.WorkerContainer;
import dev.lifecycle.pool.internal.web.PoolWebProxy;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.ServiceCaller;
import dev.lifecycle.runtime.internal.Durations;
import dev.lifecycle.runtime.internal.OneLineLogs;
import dev.lifecycle.runtime.internal.Batcher;
import dev.lifecycle.runtime.internal.Batchers;
import dev.lifecycle.runtime.internal.CancellableCall;
import dev.lifecycle.runtime.spi.Batching;
import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.internal.WebFrontends;
import dev.lifecycle.runtime.spi.Arguments;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Containers of one service, each in a worker JVM of its own, started and stopped as calls demand:
 * the supervisor side of Lifecycle.
 *
 * <pre>{@code
 * try (ContainerPool pool = ContainerPool.builder("com.example.Model", classpath)
 *     .minContainers(1).maxContainers(4).build()) {
 *   Prediction p = pool.call(Prediction.class, "predict", "some text");
 * }
 * }</pre>
 *
 * <p><b>Calls</b> behave as with an in-JVM {@link dev.lifecycle.runtime.Container}: the same
 * exceptions ({@code MethodFailedException} with the user's exception, type, message and stack
 * trace, as its cause; {@code InputTimeoutException}; {@code ContainerStoppingException}; {@code
 * UnknownMethodException}; {@code ContainerStartException} naming the failed hook), plus {@link
 * WorkerDiedException} when a worker JVM dies during a call. Arguments and results travel as JSON
 * and become the declared types on the other side.
 *
 * <p><b>Scaling.</b> A call goes to a container with a free input slot; when every container is
 * busy the pool starts another, up to {@link ContainerPoolBuilder#maxContainers}; beyond that calls
 * wait. With {@link ContainerPoolBuilder#bufferContainers} the pool keeps that many idle
 * containers ready above those serving, and starts new ones in the background as calls take them.
 * Containers idle for the {@link ContainerPoolBuilder#scaledownWindow} (default 60 s) are stopped,
 * exit hooks included, down to {@link ContainerPoolBuilder#minContainers} and the buffer. A
 * container that dies is replaced when the pool falls below its minimum or its buffer, else by the
 * next call that needs one. Every start and stop is logged (one line at INFO) with its reason, and
 * {@link #state()} shows the pool's occupancy and its latest decisions.
 *
 * <p><b>Memory snapshots.</b> For a service with {@code enableMemorySnapshot = true} the first
 * container starts cold, runs the snap hooks and is checkpointed by the pool's {@link
 * dev.lifecycle.pool.engine.SnapshotEngine} (CRIU unless {@link ContainerPoolBuilder#engine} says
 * otherwise) into the snapshot store (it keeps running and serves as well); every further
 * container is a restore of that image, its own process, and runs only the post-snapshot hooks. A
 * snapshot in the store for the same key (service, class path contents, Java, JVM options, engine,
 * kernel) is restored directly; a stale, incomplete or corrupted one is rebuilt. When snapshots
 * cannot be used (the engine is not usable here, an open socket or file at the snapshot point, a
 * failed checkpoint or restore), containers start cold and the pool logs one warning that names
 * the reason; {@link #snapshotStatus()} holds it too.
 *
 * <p><b>Stopping.</b> {@link #close()} asks every container to stop (calls in flight may finish
 * within the exit grace period, then the exit hooks run) and kills what still runs after that. A
 * supervisor that dies, however abruptly, takes its workers along: each notices its connection
 * close, runs its exit hooks and exits.
 *
 * <p>Thread-safe. Logs through {@link System.Logger} under this class's name; what workers write goes
 * to {@code dev.lifecycle.worker.<service class>} ({@link ContainerPoolBuilder#logWorkerOutput}).
 */
public final class ContainerPool implements ServiceCaller, AutoCloseable {

  static {
    OneLineLogs.applyUnlessConfigured();
  }

  private static final System.Logger LOG = System.getLogger(ContainerPool.class.getName());
  /** How many ended containers {@link #containers()} still shows. */
  private static final int MAX_ENDED_SHOWN = 100;

  private final PoolConfig config;
  private final FixedPorts.PoolSize size;
  private final LocalService service;
  private final SnapshotPlanner planner;
  private final PoolScheduler<WorkerContainer> scheduler;
  private final ScalingLog scaling;
  private final PoolGrowth growth;
  private final ContainerStarter starter;
  private final SocketServer server;
  private final Path privateDirectory;
  private final Path logDirectory;
  private final ExecutorService background;
  private final ScheduledExecutorService reaper;
  private final WorkerOutput output;
  /** Make the blocking calls of {@link #callAsync}: no more at once than the pool has slots. */
  private final ThreadPoolExecutor asyncCallers;
  /** The batches of {@code @Batched} methods; null when the service class is not loadable here. */
  private final Batchers<Object> batchers;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<WorkerContainer> ended = new ArrayList<>();
  /** Null unless the service has web endpoints or a web app. */
  private volatile PoolWebProxy webProxy;

  /**
   * A builder for a pool of {@code serviceClassName} running on {@code classpath}, which must hold
   * the service, its generated dispatcher, lifecycle-pool and its dependencies (lifecycle-runtime,
   * lifecycle-web, Jackson).
   */
  public static ContainerPoolBuilder builder(String serviceClassName, List<Path> classpath) {
    return new ContainerPoolBuilder(serviceClassName, classpath);
  }

  /** As {@link #builder(String, List)}, with a class path in {@code java -cp} form. */
  public static ContainerPoolBuilder builder(String serviceClassName, String classpath) {
    return builder(serviceClassName, Stream.of(classpath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank()).map(Path::of).toList());
  }

  /** A builder for {@code serviceClass} running on this JVM's own class path. */
  public static ContainerPoolBuilder builder(Class<?> serviceClass) {
    return builder(serviceClass.getName(), System.getProperty("java.class.path"))
        .classLoader(serviceClass.getClassLoader());
  }

  ContainerPool(PoolConfig config) throws IOException {
    this.config = config;
    this.service = LocalService.find(config.serviceClassName(), config.classLoader());
    // The parameters were checked (and made canonical) as the builder made the config.
    // Before anything is created: a refused size leaves nothing behind.
    this.size = FixedPorts.poolSize(service, config);
    this.privateDirectory = PrivateDirectory.create();
    this.logDirectory = config.workDirectory().orElse(privateDirectory.resolve("logs"));
    // Logs hold what services print: only this user reads them (an existing directory keeps the
    // mode its owner gave it).
    Files.createDirectories(logDirectory, PrivateDirectory.OWNER_ONLY);
    WorkerLauncher launcher =
        new WorkerLauncher(config, service.memorySnapshotEnabled().orElse(false));
    List<String> keyOptions = new ArrayList<>(launcher.jvmOptions());
    keyOptions.add("--");
    keyOptions.addAll(launcher.arguments(Path.of("/"), "-", true).imageArguments());
    // The build environment is in the image, and shapes what the snap hooks did.
    config.buildEnvironment().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> keyOptions.add("env:" + e.getKey() + "=" + e.getValue()));
    this.planner = new SnapshotPlanner(config, service, keyOptions);
    this.scheduler = new PoolScheduler<>(size.min(), size.max(), config.bufferContainers());
    this.scaling = new ScalingLog(service.serviceName());
    this.background = Executors.newCachedThreadPool(DaemonThreads.named("lifecycle-pool-background"));
    this.reaper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lifecycle-pool-idle"));
    int slotsPerContainer = config.maxConcurrentInputs()
        .or(() -> service.descriptor().map(d -> d.options().maxConcurrentInputs()))
        .orElse(1);
    int slots = (int) Math.min(CancellableCall.MAX_THREADS, (long) size.max() * slotsPerContainer);
    // A batched method's callers wait for their batch to fill: as many as a batch holds may wait.
    int largestBatch = service.descriptor().stream()
        .flatMap(d -> d.methods().stream())
        .flatMap(m -> m.batching().stream())
        .mapToInt(Batching::maxBatchSize).max().orElse(1);
    this.asyncCallers =
        CancellableCall.threads("lifecycle-pool-async-caller", (long) slots * largestBatch);
    this.batchers = service.descriptor()
        .<Batchers<Object>>map(d -> new Batchers<>(d, "pool-" + d.serviceName(), slots))
        .orElse(null);
    Map<String, WorkerContainer> registry = new ConcurrentHashMap<>();
    this.server = SocketServer.open(privateDirectory, id -> Optional.ofNullable(registry.get(id)));
    this.output = new WorkerOutput(config.serviceClassName(), config.logWorkerOutput(),
        config.workDirectory().isPresent());
    this.starter = new ContainerStarter(config, service, launcher, planner, registry,
        privateDirectory, logDirectory, server.socketPath(), output, this::lost);
    this.growth = new PoolGrowth(scheduler, starter, scaling, background, size.min(),
        config.bufferContainers(), closed::get);
  }

  /**
   * Checks the snapshot engine, finds an existing snapshot, opens the web address, starts the minimum of containers
   * and the idle reaper.
   */
  void open() {
    planner.prepare();
    if (service.descriptor().map(WebFrontends::serves).orElse(false)) {
      try {
        webProxy = PoolWebProxy.open(service.descriptor().get(), config.webBinding(), new WebRequests());
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("The pool of service " + service.serviceName() + " cannot"
            + " listen on " + config.webBinding().socketAddress() + " for its web endpoints: " + e.getMessage()
            + ". Choose another webPort, or 0 for any free port.", e);
      } catch (IllegalArgumentException e) { // a configuration of its threads the JVM was given
        close();
        throw e;
      }
    }
    List<Future<WorkerContainer>> starts = growth.startWhatIsLacking();
    RuntimeException failure = null;
    for (Future<WorkerContainer> start : starts) {
      try {
        start.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r
              : new WorkerLaunchException(service.serviceName(), "starting a container failed", e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new WorkerLaunchException(service.serviceName(), "interrupted while starting", e);
      }
    }
    planner.openingDone();
    if (failure != null) {
      close();
      throw failure;
    }
    long period = Math.max(50, Math.min(1000, config.scaledownWindow().toMillis() / 4));
    reaper.scheduleWithFixedDelay(this::stopIdle, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Calls a {@code @Method} by name in one of the pool's containers and returns its result: as
   * the declared return type when the service class is loadable here, else as plain JSON values
   * (maps, lists, strings, numbers with decimals as {@code BigDecimal}, booleans, null). {@link #call(Class, String, Object...)}
   * always gives the type asked for.
   *
   * @param args the arguments in declaration order, of the types that travel (docs/types.md)
   */
  @Override
  public Object call(String method, Object... args) {
    Optional<MethodDescriptor> streaming = streaming(method);
    if (streaming.isPresent()) {
      return stream(streaming.get(), args);
    }
    return service.decodeResult(method, callForJson(method, args, new CompletableFuture<>()));
  }

  /** {@code method} when it returns a {@code Stream} (known only when the service class loads). */
  private Optional<MethodDescriptor> streaming(String method) {
    return service.descriptor().flatMap(d -> d.method(method)).filter(MethodDescriptor::streams);
  }

  /**
   * A streaming call: its items as the worker sends them, decoded as the stream's item type; the
   * container's slot is held until the worker answered (the end, a failure, or a cancel after an
   * early close). Not retried: the items already handed over cannot be taken back.
   */
  private Stream<Object> stream(MethodDescriptor method, Object[] args) {
    ServiceDescriptor descriptor = service.descriptor().orElseThrow();
    List<JsonNode> encoded = ArgumentCodec.encodeArguments(service.serviceName(), method.name(),
        Arguments.checkCall(descriptor, method, args));
    WorkerContainer container;
    try {
      container = acquire("call of '" + method.name() + "'");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(service.serviceName(), method.name(), e);
    }
    RemoteItems items = container.callStreaming(method.name(), encoded, () -> scheduler.release(container));
    return items.stream().map(item -> ArgumentCodec.decodeItem(descriptor, method, item));
  }

  /**
   * Calls a {@code @Method} by name without waiting; see {@link ServiceCaller#callAsync}.
   * Cancelling the future interrupts the input in its worker JVM. At most as many run at once as
   * the pool's containers have input slots; the others wait in order, as calls of {@link #call}
   * do.
   */
  @Override
  public CompletableFuture<Object> callAsync(String method, Object... args) {
    // Not interrupted when cancelled: its thread may be writing to a worker's connection or
    // starting a container; it watches the future instead.
    CancellableCall future = new CancellableCall(false);
    try {
      Optional<MethodDescriptor> streaming = streaming(method);
      asyncCallers.execute(() -> future.run(() -> streaming.isPresent()
          ? stream(streaming.get(), args)
          : service.decodeResult(method, callForJson(method, args, future))));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(closed.get()
          ? new ContainerStoppingException(service.serviceName(), "The container pool of service "
              + service.serviceName() + " is closed; call of '" + method + "' refused. Build a"
              + " new pool to call the service again.")
          : new IllegalStateException("The container pool of service " + service.serviceName()
              + " refuses an asynchronous call of '" + method + "': " + CancellableCall.MAX_QUEUED
              + " asynchronous calls wait already. Wait for some to complete first, or use"
              + " map(...), which keeps a bounded number in flight."));
    }
    return future;
  }

  /**
   * Calls a {@code @Method} and converts its result to {@code resultType}.
   *
   * @throws IllegalArgumentException when the result cannot be read as {@code resultType}
   */
  public <R> R call(Class<R> resultType, String method, Object... args) {
    if (streaming(method).isPresent()) {
      throw new IllegalArgumentException("@Method " + method + " of service "
          + service.serviceName() + " returns a Stream, which no result type can hold: call it"
          + " with call(\"" + method + "\", args...) and read the stream it returns.");
    }
    JsonNode result = callForJson(method, args, new CompletableFuture<>());
    try {
      return FrameChannel.JSON.convertValue(result, resultType);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The result of '" + method + "' of service "
          + service.serviceName() + " (" + result + ") cannot be read as " + resultType.getName()
          + ": " + e.getMessage(), e);
    }
  }

  /** {@code cancellation} completes when the caller gives up (an asynchronous call cancelled). */
  private JsonNode callForJson(String method, Object[] args, CompletableFuture<?> cancellation) {
    // A name the service does not have, or arguments that do not fit, are refused here, as in one
    // JVM (the same rule, the same words), without starting a worker for them; what fits is sent
    // as the parameters' types (an int widened to a long parameter travels as a long). Without
    // the service class in this JVM, the worker refuses them.
    Optional<ServiceDescriptor> descriptor = service.descriptor();
    Optional<MethodDescriptor> called = Optional.empty();
    Object[] checked = args;
    if (descriptor.isPresent()) {
      called = Optional.of(descriptor.get().method(method)
          .orElseThrow(() -> new UnknownMethodException(descriptor.get(), method)));
      checked = Arguments.checkCall(descriptor.get(), called.get(), args);
    }
    List<JsonNode> encoded = ArgumentCodec.encodeArguments(service.serviceName(), method, checked);
    Optional<MethodDescriptor> batched = called.filter(m -> m.batching().isPresent());
    if (batched.isPresent()) {
      // Batches form here, from every caller of the pool, and go to a worker as one call.
      Batcher batcher = batchers.of(batched.get(), inputs -> callBatch(method, inputs));
      return awaitBatched(method, batcher.submit(encoded.get(0)), cancellation);
    }
    return callWithRetries(method, encoded, false, cancellation);
  }

  /** One call of a batch of JSON inputs; the results, one JSON value per input. */
  private List<JsonNode> callBatch(String method, List<Object> inputs) {
    ArrayNode batch = FrameChannel.JSON.createArrayNode();
    inputs.forEach(input -> batch.add((JsonNode) input));
    // One call for many callers: none of them alone can cancel it.
    JsonNode results = callWithRetries(method, List.of(batch), true, new CompletableFuture<>());
    List<JsonNode> each = new ArrayList<>(results.size());
    results.forEach(each::add);
    return each;
  }

  private JsonNode awaitBatched(
      String method, CompletableFuture<Object> result, CompletableFuture<?> cancellation) {
    try {
      CompletableFuture.anyOf(result, cancellation).get();
    } catch (ExecutionException | CancellationException whicheverCameFirst) {
      // Told apart below.
    } catch (InterruptedException e) {
      result.cancel(false);
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(service.serviceName(), method, e);
    }
    if (!result.isDone()) {
      result.cancel(false); // out of its batch, unless the batch was called already
      throw new CancellationException("The call of '" + method + "' of service "
          + service.serviceName() + " was cancelled while its batch was filling.");
    }
    try {
      return (JsonNode) result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(service.serviceName(), method, e);
    } catch (CancellationException e) {
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) e.getCause();
    }
  }

  private JsonNode callWithRetries(
      String method, List<JsonNode> encoded, boolean batch, CompletableFuture<?> cancellation) {
    RetryPolicy retries = config.retries();
    List<RuntimeException> failures = new ArrayList<>();
    for (int attempt = 0; ; attempt++) {
      try {
        return callOnce(method, encoded, batch, cancellation);
      } catch (WorkerDiedException | MethodFailedException e) {
        boolean retryable = e instanceof WorkerDiedException || retries.methodFailures();
        if (!retryable || attempt >= retries.maxRetries() || closed.get() || cancellation.isDone()) {
          failures.forEach(e::addSuppressed); // every attempt, in the failure of the last
          throw e;
        }
        failures.add(e);
        Duration delay = retries.delayBefore(attempt + 1);
        LOG.log(Level.INFO, () -> "Retrying the call of '" + method + "' of service "
            + service.serviceName() + " in " + delay.toMillis() + " ms (retry " + failures.size()
            + " of " + retries.maxRetries() + "): " + e.getMessage());
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          InputInterruptedException stopped =
              new InputInterruptedException(service.serviceName(), method, interrupted);
          failures.forEach(stopped::addSuppressed);
          stopped.addSuppressed(e);
          throw stopped;
        }
      }
    }
  }

  private JsonNode callOnce(
      String method, List<JsonNode> encoded, boolean batch, CompletableFuture<?> cancellation) {
    WorkerContainer container;
    try {
      container = acquire("call of '" + method + "'");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputInterruptedException(service.serviceName(), method, e);
    }
    try {
      if (cancellation.isDone()) {
        throw new CancellationException("The call of '" + method + "' of service "
            + service.serviceName() + " was cancelled before it was sent.");
      }
      return container.call(method, encoded, batch, cancellation);
    } finally {
      scheduler.release(container);
    }
  }

  /** A container with an input slot taken for {@code what}; {@link PoolScheduler#release} it. */
  private WorkerContainer acquire(String what) throws InterruptedException {
    WorkerContainer container = scheduler.acquire(growth::startForCaller, () -> new ContainerStoppingException(
        service.serviceName(), "The container pool of service " + service.serviceName()
            + " is closed: " + what + " refused. Build a new pool to call the service again."));
    growth.afterCallerTookASlot();
    return container;
  }

  /**
   * Where the pool serves the service's {@code @WebEndpoint}s and {@code @WebApp}: {@code
   * http://127.0.0.1:PORT/} unless the builder chose another address. Each request takes an input
   * slot of a container as a {@link #call} does, starting one when all are busy, and is answered by
   * that container. Empty when the service has no such methods, or when its class is not loadable in
   * this JVM (then {@link ContainerInfo#webAddress()} gives each container's own address).
   */
  public Optional<URI> webAddress() {
    PoolWebProxy proxy = webProxy;
    return proxy == null ? Optional.empty() : Optional.of(proxy.address());
  }

  /** The web proxy's way to the containers: the same slots as calls. */
  private final class WebRequests implements PoolWebProxy.Containers {
    @Override
    public WorkerContainer acquire() throws InterruptedException {
      return ContainerPool.this.acquire("web request");
    }

    @Override
    public void release(WorkerContainer container) {
      scheduler.release(container);
    }
  }

  /** The containers that exist now and those that ended, in the order they were asked for. */
  public List<ContainerInfo> containers() {
    List<WorkerContainer> all = new ArrayList<>(starter.registry().values());
    synchronized (ended) {
      for (WorkerContainer c : ended) {
        if (!all.contains(c)) {
          all.add(c);
        }
      }
    }
    return all.stream().map(WorkerContainer::info)
        .sorted(Comparator.comparing(ContainerInfo::requestedAt)
            .thenComparing(i -> number(i.containerId())))
        .toList();
  }

  /**
   * The pool's scaling now: its bounds, how many containers are busy, idle and starting, and its
   * latest decisions to start or stop one, with their reasons.
   */
  public PoolState state() {
    PoolScheduler.Occupancy occupancy = scheduler.occupancy();
    return new PoolState(size.min(), size.max(), Math.min(config.bufferContainers(), size.max()),
        config.scaledownWindow(), occupancy.busy(), occupancy.idle(), occupancy.starting(),
        scaling.recent());
  }

  /** Whether new containers are restores of a snapshot, and if not, why not. */
  public SnapshotStatus snapshotStatus() {
    return planner.status();
  }

  /** The service this pool runs. */
  public String serviceClassName() {
    return config.serviceClassName();
  }

  /**
   * Stops every container: calls in flight may finish within the exit grace period, the exit hooks
   * run, and whatever still runs after the grace period and {@value #EXIT_ALLOWANCE_SECONDS} more
   * seconds for the exit hooks is killed, pid namespaces included. Calls waiting for a container
   * and later calls are refused. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    reaper.shutdownNow();
    scheduler.close();
    asyncCallers.shutdown(); // what is queued runs now, and is refused by the closed scheduler
    if (batchers != null) {
      batchers.shutdown();
    }
    starter.close(); // from here, the registry holds every container there will be
    List<Thread> stoppers = new ArrayList<>();
    for (WorkerContainer container : List.copyOf(starter.registry().values())) {
      Thread stopper = new Thread(() -> {
        container.stop("the pool is closing");
        retire(container, false);
      }, "lifecycle-pool-stop-" + container.id());
      stopper.start();
      stoppers.add(stopper);
    }
    for (Thread stopper : stoppers) {
      joinUninterruptibly(stopper);
    }
    Duration startsAllowance = Duration.ofSeconds(EXIT_ALLOWANCE_SECONDS * 6);
    if (!starter.awaitStartsEnded(startsAllowance)) {
      LOG.log(Level.WARNING, "The pool of " + service.serviceName() + " closes with a container"
          + " start still under way after " + Durations.format(startsAllowance));
    }
    // Last: until here, new web requests got a 503 from the closed scheduler, not a refused connection.
    PoolWebProxy proxy = webProxy;
    if (proxy != null) {
      proxy.close();
    }
    server.close();
    background.shutdownNow();
    output.close();
    planner.close(); // after the last restore: until here, its image must not be evicted
    // The restore-state files and, unless the caller chose a work directory, the logs.
    FileTrees.deleteQuietly(privateDirectory);
  }

  /** Seconds beyond the exit grace period that a stopping container's exit hooks may take. */
  public static final long EXIT_ALLOWANCE_SECONDS = 10;

  private void stopIdle() {
    try {
      for (WorkerContainer idle : scheduler.takeIdle(config.scaledownWindow())) {
        String window = Durations.format(config.scaledownWindow());
        scaling.record(ScalingDecision.Action.STOPPED, ScalingDecision.Reason.IDLE, idle.id(),
            scheduler.size(), "stopped " + idle.id() + ": idle for longer than the scale-down"
                + " window of " + window);
        background.execute(() -> {
          idle.stop("idle for longer than the scale-down window of " + window);
          retire(idle, false);
        });
      }
      growth.keepMinimumAndBuffer(); // after a pause for failed starts, or a start that was refused
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the idle scale-down of the pool of " + service.serviceName() + " failed", e);
    }
  }

  /** A container's worker went away unasked: forget it, and keep the pool at its minimum. */
  private void lost(WorkerContainer container) {
    scheduler.remove(container);
    retire(container, true);
    growth.keepMinimumAndBuffer();
  }

  private void retire(WorkerContainer container, boolean failed) {
    starter.forget(container, failed);
    synchronized (ended) {
      if (!ended.contains(container)) {
        ended.add(container);
        if (ended.size() > MAX_ENDED_SHOWN) {
          ended.remove(0);
        }
      }
    }
  }

  private static int number(String containerId) {
    try {
      return Integer.parseInt(containerId.substring(containerId.lastIndexOf('-') + 1));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ContainerPool of " + service.serviceName() + " (" + scheduler.size() + " containers)";
  }
}
