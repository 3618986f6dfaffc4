package dev.lifecycle.it.worker;

import dev.lifecycle.pool.ContainerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the warnings a {@link ContainerPool} logs. System.Logger goes to java.util.logging
 * here, under the pool's class name.
 */
final class WarningCapture extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger(ContainerPool.class.getName());
  private final List<String> warnings = new ArrayList<>();

  WarningCapture() {
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      warnings.add(record.getMessage());
    }
  }

  synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
