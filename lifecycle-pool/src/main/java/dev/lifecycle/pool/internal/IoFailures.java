package dev.lifecycle.pool.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file, in words: the JDK's file exceptions often carry only the path
 * ({@code AccessDeniedException: /var/cache/x}), which names the file but not the problem.
 */
public final class IoFailures {

  private IoFailures() {}

  /** {@code /var/cache/x: permission denied}, {@code /a/b: not a directory}, ... */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      String what = f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
      String why = e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or directory"
          : e instanceof NotDirectoryException ? "not a directory"
          : e instanceof FileAlreadyExistsException ? "already exists, and not as a directory"
          : f.getReason() != null ? f.getReason()
          : e.getClass().getSimpleName();
      return what + ": " + why;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
