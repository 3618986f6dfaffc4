package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifecycle.it.worker.TypesService.Point;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.WorkerDiedException;
import dev.lifecycle.pool.internal.protocol.RemoteException;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.UnknownMethodException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls into worker JVMs of a service without a memory snapshot: values of several types both
 * ways, the in-JVM runtime's exceptions (the user's exception with its type, message and stack
 * trace), and workers that die or are told to terminate. One pool serves every test; the tests
 * that end a worker run last and check that the pool replaced it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerCallTest {

  @TempDir static Path dir;
  private static ContainerPool pool;

  @BeforeAll
  static void startPool() throws Exception {
    pool = Workers.pool(TypesService.class, dir)
        .minContainers(1).maxContainers(2)
        .inputTimeout(Duration.ofSeconds(2))
        .exitGracePeriod(Duration.ofSeconds(1))
        .build();
  }

  @AfterAll
  static void closePool() {
    try {
      if (pool != null) {
        pool.close();
      }
      Workers.assertNoStrayWorkers();
    } finally {
      Workers.killStrayWorkers();
    }
  }

  @Test
  @Order(1)
  void argumentsAndResultsOfSeveralTypesCrossTheBoundary() {
    assertThat(pool.call("add", 2, 40)).isEqualTo(42);
    assertThat(pool.call("doubled", List.of(1L, 5_000_000_000L))).isEqualTo(List.of(2L, 10_000_000_000L));
    assertThat(pool.call("lengths", List.of("one", "three"))).isEqualTo(Map.of("one", 3, "three", 5));
    assertThat(pool.call("mirror", new Point(3, 4))).isEqualTo(new Point(4, -3));
    assertThat(pool.call("describe", "tea", true, 1.5, '!')).isEqualTo("TEA X1.5!");
    assertThat(pool.call("nothing")).isNull();
    // Typed: whatever the declared type, the caller's type wins.
    assertThat(pool.call(Point.class, "mirror", new Point(1, 2))).isEqualTo(new Point(2, -1));
    assertThat(pool.call(Long.class, "add", 1, 2)).isEqualTo(3L);
    assertThat(pool.call(String.class, "containerId")).startsWith("TypesService-");
  }

  @Test
  @Order(2)
  void aUserExceptionCrossesWithItsTypeMessageAndStackTrace() {
    Throwable thrown = catchThrowable(() -> pool.call("take", "tea"));

    assertThat(thrown).isInstanceOf(MethodFailedException.class)
        .hasMessageContaining("@Method take of service " + TypesService.class.getName())
        .hasMessageContaining(TypesService.InventoryException.class.getName() + ": no tea left in stock");
    // Declared by the method: it arrives as itself, with the worker's stack trace as its own.
    Throwable cause = thrown.getCause();
    assertThat(cause).isExactlyInstanceOf(TypesService.InventoryException.class)
        .hasMessage("no tea left in stock");
    assertThat(Arrays.stream(cause.getStackTrace()).map(StackTraceElement::toString))
        .anyMatch(frame -> frame.startsWith(TypesService.class.getName() + ".take(TypesService.java:"));
  }

  @Test
  @Order(2)
  void exceptionsKeepTheirTypeAsInOneJvmWhereThatIsSafe() {
    try (Container<TypesService> inJvm = Container.start(TypesService.class)) {
      for (String kind : List.of("declared", "jdk")) {
        Throwable local = catchThrowable(() -> inJvm.call("fail", kind)).getCause();
        Throwable remote = catchThrowable(() -> pool.call("fail", kind)).getCause();
        assertThat(remote).as(kind).isExactlyInstanceOf(local.getClass()).hasMessage(local.getMessage());
        assertThat(remote.getStackTrace()[0].getMethodName()).as(kind)
            .isEqualTo(local.getStackTrace()[0].getMethodName());
      }
    }
    // The cause of a listed JDK exception is rebuilt by the same rule.
    Throwable jdk = catchThrowable(() -> pool.call("fail", "jdk")).getCause();
    assertThat(jdk.getCause()).isExactlyInstanceOf(ArithmeticException.class).hasMessage("/ by zero");
    // A subclass the clause does not name arrives as the declared type it extends.
    Throwable subclass = catchThrowable(() -> pool.call("fail", "subclass")).getCause();
    assertThat(subclass).isExactlyInstanceOf(TypesService.InventoryException.class).hasMessage("subclass");
    // Anything else stays a RemoteException, one level deep, naming the type.
    Throwable undeclared = catchThrowable(() -> pool.call("fail", "undeclared")).getCause();
    assertThat(undeclared).isExactlyInstanceOf(RemoteException.class).hasNoCause();
    assertThat(((RemoteException) undeclared).remoteType())
        .isEqualTo(TypesService.UndeclaredException.class.getName());
  }

  @Test
  @Order(3)
  void wrongCallsFailWithTheRuntimesDispatchExceptions() {
    assertThatThrownBy(() -> pool.call("subtract", 1, 2))
        .isInstanceOf(UnknownMethodException.class)
        .hasMessageContaining("has no @Method named 'subtract'")
        .hasMessageContaining("add(int a, int b)");
    assertThatThrownBy(() -> pool.call("add", "two", 2))
        .isInstanceOf(ArgumentMismatchException.class)
        .hasMessageContaining("Argument 1 (a) of method add(int a, int b)");
  }

  @Test
  @Order(3)
  void anUnknownMethodOrArgumentsThatDoNotFitAreRefusedBeforeAnyContainerStarts() throws Exception {
    // The supervisor has the service's descriptor: a wrong call needs no worker JVM to find out.
    try (ContainerPool empty = Workers.pool(TypesService.class, dir).minContainers(0).maxContainers(1)
        .build()) {
      assertThatThrownBy(() -> empty.call("subtract", 1, 2))
          .isInstanceOf(UnknownMethodException.class)
          .hasMessageContaining("has no @Method named 'subtract'")
          .hasMessageContaining("add(int a, int b)");
      assertThatThrownBy(() -> empty.call("add", 6.5, 2))
          .isInstanceOf(ArgumentMismatchException.class)
          .hasMessageContaining("Argument 1 (a) of method add(int a, int b)")
          .hasMessageContaining("has type java.lang.Double, but the parameter is int");
      assertThat(empty.containers()).as("containers started for a wrong call").isEmpty();
    }
  }

  @Test
  @Order(4)
  void aCallThatOverrunsTheInputTimeoutFailsWithInputTimeoutException() {
    assertThatThrownBy(() -> pool.call("sleep", 30_000L))
        .isInstanceOf(InputTimeoutException.class)
        .hasMessageContaining("ran longer than its input timeout of 2 s");
    assertThat(pool.call("add", 1, 1)).isEqualTo(2);
  }

  @Test
  @Order(5)
  void aWorkerThatDiesDuringACallFailsThatCallAtOnceAndIsReplaced() {
    Throwable thrown = catchThrowable(() -> pool.call("halt", 77));

    assertThat(thrown).isInstanceOf(WorkerDiedException.class);
    String victim = ((WorkerDiedException) thrown).containerId();
    assertThat(thrown)
        .hasMessageContaining("Container " + victim + " of service " + TypesService.class.getName())
        .hasMessageContaining("died during the call of 'halt'")
        .hasMessageContaining("exited with status 77")
        .hasMessageContaining(victim + ".log");
    // The pool keeps its minimum: a new container replaces the dead one, and serves.
    assertThat(pool.call("add", 20, 22)).isEqualTo(42);
    assertThat(pool.call(String.class, "containerId")).isNotEqualTo(victim);
    assertThat(pool.containers()).filteredOn(c -> c.containerId().equals(victim))
        .singleElement().extracting(ContainerInfo::state).isEqualTo(ContainerInfo.State.ENDED);
  }

  @Test
  @Order(6)
  void aWorkerKilledDuringACallFailsThatCallNamingTheSignal() throws Exception {
    CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> pool.call("sleep", 1_900L));
    Workers.awaitTrue(() -> WorkerFiles.lines(dir, "sleeps").stream().anyMatch(l -> l.startsWith("sleep 1900 ")),
        () -> "the call of sleep to start");
    String[] started = WorkerFiles.lines(dir, "sleeps").stream()
        .filter(l -> l.startsWith("sleep 1900 ")).findFirst().orElseThrow().split(" ");
    String victim = started[2];
    long pid = Long.parseLong(started[3]);

    Workers.signal(pid, "KILL");

    Throwable thrown = catchThrowable(call::join).getCause();
    assertThat(thrown).isInstanceOf(WorkerDiedException.class)
        .hasMessageContaining("Container " + victim)
        .hasMessageContaining("pid " + pid)
        .hasMessageContaining("SIGKILL");
  }

  @Test
  @Order(7)
  void sigtermToAWorkerRunsItsExitHooks() throws Exception {
    TypesService.Self self = pool.call(TypesService.Self.class, "self");
    String victim = self.containerId();
    long pid = self.pid();

    Workers.signal(pid, "TERM");

    Workers.awaitTrue(() -> WorkerFiles.lines(dir, "exits").contains("exit " + victim),
        () -> "the exit hook of " + victim + " to run; exits: " + WorkerFiles.lines(dir, "exits"));
    Workers.awaitTrue(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
        () -> "worker " + pid + " to exit after SIGTERM");
    assertThat(pool.call("add", 1, 2)).isEqualTo(3);
    assertThat(pool.containers()).extracting(ContainerInfo::startKind).containsOnly(StartKind.COLD);
  }
}
