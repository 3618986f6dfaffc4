package dev.lifecycle.pool.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TravellingExceptionsTest {

  /** Declared by a method, constructible from a message. */
  public static class QuotaExceededException extends Exception {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
      super(message);
    }
  }

  /** Declared, but with no constructor that takes a message. */
  public static class Opaque extends Exception {
    private static final long serialVersionUID = 1L;

    public Opaque(int code) {
      super("code " + code);
    }
  }

  private static RemoteError error(Throwable t) {
    return RemoteError.of(RemoteError.Kind.USER, t);
  }

  @Test
  void aDeclaredTypeArrivesAsItselfWithTheRemoteStackTrace() {
    QuotaExceededException original = new QuotaExceededException("over");
    Throwable rebuilt = TravellingExceptions.rebuild(error(original), List.of(QuotaExceededException.class));

    assertThat(rebuilt).isExactlyInstanceOf(QuotaExceededException.class).hasMessage("over");
    assertThat(rebuilt.getStackTrace()[0].getMethodName())
        .isEqualTo(original.getStackTrace()[0].getMethodName());
  }

  @Test
  void aTypeNotDeclaredNorListedIsNeverLoadedByItsName() {
    // On this class path, and constructible: still not rebuilt, as no method declares it.
    Throwable rebuilt = TravellingExceptions.rebuild(error(new QuotaExceededException("over")), List.of());

    assertThat(rebuilt).isExactlyInstanceOf(RemoteException.class);
    assertThat(((RemoteException) rebuilt).remoteType()).isEqualTo(QuotaExceededException.class.getName());
  }

  @Test
  void aDeclaredTypeWithoutAMessageConstructorStaysARemoteException() {
    Throwable rebuilt = TravellingExceptions.rebuild(error(new Opaque(7)), List.of(Opaque.class));

    assertThat(rebuilt).isExactlyInstanceOf(RemoteException.class).hasMessageContaining("code 7");
  }

  @Test
  void aCauseIsRebuiltByTheSameRule() {
    Throwable rebuilt = TravellingExceptions.rebuild(
        error(new java.io.UncheckedIOException("wrapped", new IOException("disk"))),
        List.of(IOException.class));

    assertThat(rebuilt).isExactlyInstanceOf(java.io.UncheckedIOException.class).hasMessage("wrapped");
    assertThat(rebuilt.getCause()).isExactlyInstanceOf(IOException.class).hasMessage("disk");
  }
}
