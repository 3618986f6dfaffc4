package dev.lifecycle.runtime.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Lifecycle's own log lines in one line each when nobody chose a format: with the JDK's logging
 * left as it comes, {@code java.util.logging} writes every message over two lines (date and
 * class, then level and text), which makes a pool's scaling hard to follow. Then, and only then,
 * the loggers under {@code dev.lifecycle} get a console handler of their own that writes
 * {@code 2026-12-01 21:45:12.345 INFO ContainerPool: pool of ...}.
 *
 * <p>Nothing changes when {@code System.Logger} goes elsewhere (SLF4J, Log4j: the application's
 * format applies), when {@code java.util.logging} was configured ({@code
 * java.util.logging.config.file} or {@code .config.class}, a {@code SimpleFormatter.format}, a
 * root handler other than the default console one, a handler on {@code dev.lifecycle}), when
 * the JVM has no {@code java.logging} module, or with {@code -Dlifecycle.logging=jdk}.
 */
public final class OneLineLogs {

  private static final boolean JAVA_LOGGING = ModuleLayer.boot().findModule("java.logging").isPresent();

  private OneLineLogs() {}

  /** Applies the one-line format once per JVM, when nothing else was chosen. */
  public static void applyUnlessConfigured() {
    if (JAVA_LOGGING && !"jdk".equals(System.getProperty("lifecycle.logging"))) {
      Jul.APPLIED.hashCode(); // the holder's initialisation does it, once
    }
  }

  /**
   * In a JVM whose main program is Lifecycle's (a pool's worker), every logger's lines in one
   * line each, when nothing else was chosen: the pool reads them line by line, with their levels.
   */
  public static void applyToTheWholeJvmUnlessConfigured() {
    if (JAVA_LOGGING && !"jdk".equals(System.getProperty("lifecycle.logging"))) {
      Jul.applyToRoot();
    }
  }

  /** The only code that names {@code java.util.logging}, loaded only when the module is there. */
  private static final class Jul {

    /** Held strongly: the logging framework keeps loggers only weakly, with their handlers. */
    static final Logger APPLIED = apply();

    private static Logger apply() {
      Logger lifecycle = Logger.getLogger("dev.lifecycle");
      if (!leftAsItComes() || lifecycle.getHandlers().length > 0) {
        return lifecycle;
      }
      Handler defaultConsole = Logger.getLogger("").getHandlers()[0];
      ConsoleHandler console = new ConsoleHandler();
      console.setLevel(defaultConsole.getLevel());
      console.setFormatter(new OneLine());
      lifecycle.addHandler(console);
      lifecycle.setUseParentHandlers(false);
      // An application that configures its logging later (readConfiguration, a bridge to SLF4J
      // installed on the root) gets Lifecycle's lines back through its own handlers.
      LogManager.getLogManager().addConfigurationListener(() -> {
        lifecycle.removeHandler(console);
        lifecycle.setUseParentHandlers(true);
      });
      return lifecycle;
    }

    static void applyToRoot() {
      if (leftAsItComes()) {
        Logger.getLogger("").getHandlers()[0].setFormatter(new OneLine());
      }
    }

    private static boolean leftAsItComes() {
      if (System.getProperty("java.util.logging.config.file") != null
          || System.getProperty("java.util.logging.config.class") != null
          || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
        return false;
      }
      // System.Logger goes to java.util.logging only through the JDK's own finder.
      if (!System.LoggerFinder.getLoggerFinder().getClass().getName()
          .equals("sun.util.logging.internal.LoggingProviderImpl")) {
        return false;
      }
      Handler[] root = Logger.getLogger("").getHandlers();
      return root.length == 1 && root[0].getClass() == ConsoleHandler.class
          && root[0].getFormatter().getClass() == SimpleFormatter.class;
    }
  }

  /** {@code 2026-12-01 21:45:12.345 INFO ContainerPool: message}, a stack trace below if any. */
  static final class OneLine extends Formatter {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    @Override
    public String format(LogRecord record) {
      String name = record.getLoggerName() == null ? "" : record.getLoggerName();
      StringBuilder line = new StringBuilder(128)
          .append(TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(record.getMillis()),
              ZoneId.systemDefault())))
          .append(' ').append(record.getLevel().getName())
          .append(' ').append(name.substring(name.lastIndexOf('.') + 1))
          .append(": ").append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  }
}
