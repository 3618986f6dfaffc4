package dev.lifecycle.pool.internal.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.RemoteCallException;
import dev.lifecycle.pool.RemoteDispatchException;
import dev.lifecycle.pool.engine.ExitStatus;
import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.RemoteException;
import dev.lifecycle.pool.internal.protocol.WireMessage.HookRef;
import dev.lifecycle.pool.internal.protocol.WireMessage.StartFailed;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A worker's failure becomes the exception the in-JVM runtime throws for it: the same types, so
 * code that calls a pool catches what code that calls a {@code Container} catches.
 */
class RemoteFailuresTest {

  private final LocalService service = LocalService.find("com.example.Absent", getClass().getClassLoader());

  @Test
  void aMethodsExceptionBecomesMethodFailedExceptionWithTheUsersExceptionAsCause() {
    RuntimeException e = RemoteFailures.ofCall(service, "Absent-1", "predict",
        RemoteError.of(RemoteError.Kind.USER, new IllegalArgumentException("bad input")), Duration.ofSeconds(1));

    assertThat(e).isInstanceOf(MethodFailedException.class)
        .hasMessageContaining("@Method predict of service com.example.Absent threw")
        .hasMessageContaining("java.lang.IllegalArgumentException: bad input");
    // One of the JDK's common unchecked exceptions: rebuilt as itself, even with no descriptor.
    assertThat(e.getCause()).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
  }

  @Test
  void anExceptionOfAnotherTypeStaysARemoteException() {
    class Unknown extends RuntimeException {
      Unknown() {
        super("odd");
      }
    }
    RuntimeException e = RemoteFailures.ofCall(service, "Absent-1", "predict",
        RemoteError.of(RemoteError.Kind.USER, new Unknown()), Duration.ofSeconds(1));

    assertThat(((RemoteException) e.getCause()).remoteType()).isEqualTo(Unknown.class.getName());
  }

  @Test
  void timeoutsStopsAndDispatchFailuresKeepTheirTypes() {
    RemoteError timeout = new RemoteError(RemoteError.Kind.TIMEOUT, "x", "m", java.util.List.of(), null);
    assertThat(RemoteFailures.ofCall(service, "Absent-1", "predict", timeout, Duration.ofSeconds(3)))
        .isInstanceOf(InputTimeoutException.class).hasMessageContaining("input timeout of 3 s");

    RemoteError stopping = new RemoteError(RemoteError.Kind.STOPPING,
        ContainerStoppingException.class.getName(), "Container Absent-1 is stopping", java.util.List.of(), null);
    assertThat(RemoteFailures.ofCall(service, "Absent-1", "predict", stopping, Duration.ofSeconds(3)))
        .isInstanceOf(ContainerStoppingException.class).hasMessage("Container Absent-1 is stopping");

    RemoteError mismatch = new RemoteError(RemoteError.Kind.DISPATCH,
        ArgumentMismatchException.class.getName(), "Argument 1 (a) ...", java.util.List.of(), null);
    assertThat(RemoteFailures.ofCall(service, "Absent-1", "add", mismatch, Duration.ofSeconds(3)))
        .isInstanceOf(ArgumentMismatchException.class).hasMessage("Argument 1 (a) ...");

    RemoteError unknown = new RemoteError(RemoteError.Kind.DISPATCH,
        "dev.lifecycle.runtime.UnknownMethodException", "no @Method named 'x'", java.util.List.of(), null);
    assertThat(RemoteFailures.ofCall(service, "Absent-1", "x", unknown, Duration.ofSeconds(3)))
        .isInstanceOf(RemoteDispatchException.class).hasMessage("no @Method named 'x'");

    RemoteError internal = RemoteError.of(RemoteError.Kind.INTERNAL, new IllegalStateException("broken"));
    assertThat(RemoteFailures.ofCall(service, "Absent-1", "x", internal, Duration.ofSeconds(3)))
        .isInstanceOf(RemoteCallException.class).hasMessageContaining("Container Absent-1")
        .hasMessageContaining("java.lang.IllegalStateException: broken");
  }

  @Test
  void aFailedEnterHookBecomesContainerStartExceptionNamingTheHook() {
    RemoteError error = new RemoteError(RemoteError.Kind.USER, ContainerStartException.class.getName(),
        "Service com.example.Absent failed to start: @Enter(snap = true) hook com.example.Absent.load() threw ...",
        java.util.List.of(), RemoteError.of(RemoteError.Kind.USER, new IllegalStateException("no model")));

    RuntimeException e = RemoteFailures.ofStart(service, "Absent-1",
        new StartFailed(error, new HookRef(0, "ENTER_BEFORE_SNAPSHOT", "com.example.Absent", "load")));

    assertThat(e).isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("hook com.example.Absent.load() threw")
        .hasMessageContaining("(in container Absent-1)");
    assertThat(((ContainerStartException) e).failedHook()).hasValueSatisfying(
        hook -> assertThat(hook.displayName()).isEqualTo("com.example.Absent.load()"));
    assertThat(((RemoteException) e.getCause()).remoteType()).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void exitStatusesAreWords() {
    assertThat(ExitStatus.ofExitValue(77)).isEqualTo("exited with status 77");
    assertThat(ExitStatus.ofExitValue(137)).isEqualTo("exited with status 137 (signal 9, SIGKILL)");
    assertThat(ExitStatus.ofWaitStatus(9)).isEqualTo("was killed by signal 9, SIGKILL");
    assertThat(ExitStatus.ofWaitStatus(143 << 8)).isEqualTo("exited with status 143");
  }
}
