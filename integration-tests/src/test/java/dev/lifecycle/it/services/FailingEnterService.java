package dev.lifecycle.it.services;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Method;
import dev.lifecycle.Service;

/** The second of three enter hooks throws. */
@Service
public class FailingEnterService {

  public static final IllegalStateException FAILURE = new IllegalStateException("port 5432 refused");

  @Enter
  void openConnection() {
    Journal.write("enter.open");
  }

  @Enter
  void migrateSchema() {
    Journal.write("enter.migrate");
    throw FAILURE;
  }

  @Enter
  void warmCache() {
    Journal.write("enter.warm");
  }

  @Method
  public void unreachable() {}

  @Exit
  void closeConnection() {
    Journal.write("exit.close");
  }

  @Exit
  void deleteTempFiles() {
    Journal.write("exit.delete");
  }
}
